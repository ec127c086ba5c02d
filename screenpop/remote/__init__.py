"""The engine in a process of its own, behind the same ``frontend.Core`` seam.

Why: the agent's window must answer within 50 ms even in a burst of rings on
a busy desk. In one process the engine's worker threads hold the
interpreter lock 15-18 ms of CPU per ring, and the GUI thread waited for it
(``benchmarks/burst.py``: 240-660 ms stalls with two CPU-bound jobs beside
it). In its own process the engine competes with the window for a CPU only,
which the operating system shares fairly, and never for the lock.

* ``wire``: what crosses (tuples of the seam's immutable values) and the
  log records the engine forwards;
* ``spawn``: starting the engine process (first thing, in ``screenpop run``);
* ``host``: the engine process's main, serving one front end;
* ``client``: ``RemoteCore``, the ``Core`` the Qt front end runs on; it
  mirrors what the window reads in memory, and starts the engine again when
  its process dies; ``asks``: the ``AgentCore`` methods as it asks them.
"""
