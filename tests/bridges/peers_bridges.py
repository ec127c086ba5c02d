"""Real peers for bridge tests, each run by the test with its own temp config.

baresip, kamailio and mosquitto are started on free ports in a temp dir and
stopped by their own pid, so tests never touch the machine's services.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.bridges.helpers import stop, wait_port
from tests.peers import free_port, need_program


@dataclass
class BaresipPeer:
    """A baresip softphone (Debian ``baresip-core``) with ctrl_tcp on a free port."""

    workdir: Path
    answermode: str = "manual"
    #: More accounts (user -> answermode) on the same phone, e.g. an auto-answer line.
    extra_accounts: dict[str, str] = field(default_factory=dict)
    #: Where the agent's own calls (call backs) go, e.g. ``sip:127.0.0.1:5099``: a sipp UAS.
    outbound: str = ""
    sip_port: int = field(default_factory=free_port)
    ctrl_port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        need_program("baresip")
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "config").write_text(
            "poll_method epoll\n"
            f"sip_listen 127.0.0.1:{self.sip_port}\n"
            "audio_player aufile,/dev/null\n"
            "audio_source ausine,440\n"
            "audio_alert aufile,/dev/null\n"
            "ausrc_srate 48000\n"
            "auplay_srate 48000\n"
            "ausrc_channels 2\n"
            "auplay_channels 2\n"
            "module_path /usr/lib/baresip/modules\n"
            "module g711.so\n"
            "module aufile.so\n"
            "module ausine.so\n"
            "module_app account.so\n"
            "module_app menu.so\n"
            "module_app ctrl_tcp.so\n"
            f"ctrl_tcp_listen 127.0.0.1:{self.ctrl_port}\n"
        )
        accounts = {"agent": self.answermode, **self.extra_accounts}
        proxy = f';outbound="{self.outbound}"' if self.outbound else ""
        (self.workdir / "accounts").write_text("".join(
            f"<sip:{user}@127.0.0.1:{self.sip_port}>;regint=0;answermode={mode}{proxy}\n"
            for user, mode in accounts.items()
        ))

    @property
    def sip_target(self) -> str:
        return f"127.0.0.1:{self.sip_port}"

    async def start(self) -> None:
        log = open(self.workdir / "baresip.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            ["baresip", "-f", str(self.workdir)], cwd=self.workdir, stdout=log,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        log.close()
        await wait_port("127.0.0.1", self.ctrl_port)

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
            self.proc = None


REPO = Path(__file__).resolve().parents[2]
KAMAILIO_SNIPPET = REPO / "installers" / "bridges" / "kamailio" / "screenpop-evapi.cfg"
KAMAILIO_TEST_CFG = Path(__file__).resolve().parent / "fixtures" / "kamailio" / "kamailio-test.cfg"
MOSQUITTO_ACL = REPO / "installers" / "bridges" / "mosquitto" / "screenpop.acl"


@dataclass
class KamailioPeer:
    """kamailio (Debian ``kamailio`` + extra/json modules) with the shipped evapi snippet."""

    workdir: Path
    sip_port: int = field(default_factory=free_port)
    evapi_port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        need_program("kamailio")
        self.workdir.mkdir(parents=True, exist_ok=True)
        cfg = KAMAILIO_TEST_CFG.read_text()
        cfg = cfg.replace("SIP_PORT", str(self.sip_port)).replace("SNIPPET", str(KAMAILIO_SNIPPET))
        (self.workdir / "kamailio.cfg").write_text(cfg)

    @property
    def args(self) -> list[str]:
        return [
            "kamailio", "-DD", "-E", "-f", str(self.workdir / "kamailio.cfg"),
            "-Y", str(self.workdir), "-A", f'SCREENPOP_EVAPI_ADDR="127.0.0.1:{self.evapi_port}"',
        ]

    def check(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.args, "-c"], capture_output=True, text=True, timeout=30)

    async def start(self) -> None:
        log = open(self.workdir / "kamailio.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(self.args, cwd=self.workdir, stdout=log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        await wait_port("127.0.0.1", self.evapi_port)

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
            self.proc = None


@dataclass
class MosquittoPeer:
    """Our own Mosquitto on a free port with the shipped ACL, passwords and persistence.

    Restart tests stop and start this one; the machine's broker is never touched.
    """

    workdir: Path
    users: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    tls_port: int = 0
    proc: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        need_program("mosquitto")
        self.workdir.mkdir(parents=True, exist_ok=True)
        passwd = self.workdir / "passwd"
        passwd.touch(mode=0o600)
        for user, password in self.users.items():
            subprocess.run(["mosquitto_passwd", "-b", str(passwd), user, password],
                           check=True, capture_output=True, timeout=10)
        lines = [
            "per_listener_settings false",
            "allow_anonymous false",
            f"password_file {passwd}",
            f"acl_file {MOSQUITTO_ACL}",
            "persistence true",
            f"persistence_location {self.workdir}/",
            "user root",
            f"listener {self.port} 127.0.0.1",
        ]
        if self.tls_port:
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                 "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                 "-keyout", str(self.workdir / "server.key"),
                 "-out", str(self.workdir / "server.crt")],
                check=True, capture_output=True, timeout=60,
            )
            lines += [f"listener {self.tls_port} 127.0.0.1",
                      f"certfile {self.workdir / 'server.crt'}",
                      f"keyfile {self.workdir / 'server.key'}"]
        (self.workdir / "mosquitto.conf").write_text("\n".join(lines) + "\n")

    @property
    def ca_file(self) -> Path:
        return self.workdir / "server.crt"

    async def start(self) -> None:
        log = open(self.workdir / "mosquitto.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            ["mosquitto", "-c", str(self.workdir / "mosquitto.conf"), "-v"], cwd=self.workdir,
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        log.close()
        await wait_port("127.0.0.1", self.port)
        if self.tls_port:
            await wait_port("127.0.0.1", self.tls_port)

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
            self.proc = None
