<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="et">
<context>
    <name>screenpop_supervisor</name>
    <message>
        <source>Calls per period</source>
        <translation>Kõned perioodide kaupa</translation>
    </message>
    <message>
        <source>No calls in this period.</source>
        <translation>Sel perioodil kõnesid pole.</translation>
    </message>
    <message>
        <source>unreadable in the journal</source>
        <translation>päevikus loetamatu</translation>
    </message>
    <message>
        <source>Call %1 — %2</source>
        <translation>Kõne %1 — %2</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Helistaja</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>unknown caller</source>
        <translation>tundmatu helistaja</translation>
    </message>
    <message>
        <source>(%1 matches)</source>
        <translation>(%1 vastet)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Tulemus</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Liigitus</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Kõneaeg</translation>
    </message>
    <message>
        <source>Pop latency</source>
        <translation>Hüpiku viivitus</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Ajajoon</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Märkmed</translation>
    </message>
    <message>
        <source>Failed sections</source>
        <translation>Ebaõnnestunud jaotised</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>põhjust ei antud</translation>
    </message>
    <message>
        <source>None: every section answered.</source>
        <translation>Pole: kõik jaotised vastasid.</translation>
    </message>
    <message>
        <source>The card as the agent saw it</source>
        <translation>Kaart nii, nagu agent seda nägi</translation>
    </message>
    <message>
        <source>No card was journaled for this call.</source>
        <translation>Selle kõne kohta kaarti ei salvestatud.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>ei saa kirjutada %1: %2</translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation>Kõnede eksport…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Tühista</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Exporting calls… %1 of %2</source>
        <translation>Kõnede eksport… %1 / %2</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>päevade kaupa</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>tundide kaupa</translation>
    </message>
    <message>
        <source>Export figures (CSV)…</source>
        <translation>Ekspordi näitajad (CSV)…</translation>
    </message>
    <message>
        <source>Export figures (Excel)…</source>
        <translation>Ekspordi näitajad (Excel)…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Kõned</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>vastatud</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>vastatud mujal</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>vastamata</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>pooleli</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>Liigitused</translation>
    </message>
    <message>
        <source>Failed sources</source>
        <translation>Ebaõnnestunud allikad</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laadimine…</translation>
    </message>
    <message>
        <source>Could not read the central journal: %1</source>
        <translation>Keskpäevikut ei saanud lugeda: %1</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Pakutud</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Vastatud</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Vastamata</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Vastatud mujal</translation>
    </message>
    <message>
        <source>Time to answer p50 / p90</source>
        <translation>Vastamisaeg p50 / p90</translation>
    </message>
    <message>
        <source>Talk time p50 / p90</source>
        <translation>Kõneaeg p50 / p90</translation>
    </message>
    <message>
        <source>Pop latency p50 / p95</source>
        <translation>Hüpiku viivitus p50 / p95</translation>
    </message>
    <message>
        <source>Wrap-up done</source>
        <translation>Järeltöö tehtud</translation>
    </message>
    <message>
        <source>Unknown callers</source>
        <translation>Tundmatud helistajad</translation>
    </message>
    <message>
        <source>Several matches</source>
        <translation>Mitu vastet</translation>
    </message>
    <message>
        <source>Calls with failed sections</source>
        <translation>Kõned ebaõnnestunud jaotistega</translation>
    </message>
    <message>
        <source>none</source>
        <translation>pole</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Mis tahes tulemus</translation>
    </message>
    <message>
        <source>e.g. sale</source>
        <translation>nt müük</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>kliendi ID</translation>
    </message>
    <message>
        <source>any format</source>
        <translation>mis tahes kujul</translation>
    </message>
    <message>
        <source>in notes and names</source>
        <translation>märkmetes ja nimedes</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Rakenda</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Alates</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kuni</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Meeskond</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>All my teams</source>
        <translation>Kõik minu meeskonnad</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Kõik agendid</translation>
    </message>
    <message>
        <source>“To” is before “From”.</source>
        <translation>„Kuni” on enne „Alates”.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>„%1” ei ole telefoninumber.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Tekst on liiga pikk.</translation>
    </message>
    <message>
        <source>Type at least 3 characters to search the text.</source>
        <translation>Teksti otsimiseks sisesta vähemalt 3 märki.</translation>
    </message>
    <message>
        <source>Connecting to the live floor…</source>
        <translation>Ühendumine reaalajas ülevaatega…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Praegu</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Kestus</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Helises</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ootab</translation>
    </message>
    <message>
        <source>Agents now</source>
        <translation>Agendid praegu</translation>
    </message>
    <message>
        <source>Missed calls not called back yet</source>
        <translation>Vastamata kõned, millele pole veel tagasi helistatud</translation>
    </message>
    <message>
        <source>Live: updated as calls change.</source>
        <translation>Reaalajas: uueneb kõnede muutudes.</translation>
    </message>
    <message>
        <source>Live floor interrupted, reconnecting: %1</source>
        <translation>Reaalajas ülevaade katkes, ühendun uuesti: %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>vaba</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aeg</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Kõne</translation>
    </message>
    <message>
        <source>Pop ms</source>
        <translation>Hüpik ms</translation>
    </message>
    <message>
        <source>No calls match these filters.</source>
        <translation>Neile filtritele ei vasta ükski kõne.</translation>
    </message>
    <message>
        <source>%1 calls shown; scroll for more.</source>
        <translation>Näidatud %1 kõnet; keri, et näha rohkem.</translation>
    </message>
    <message>
        <source>%1 calls.</source>
        <translation>%1 kõnet.</translation>
    </message>
    <message>
        <source>ringing</source>
        <translation>heliseb</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>kõnes</translation>
    </message>
    <message>
        <source>wrap-up</source>
        <translation>järeltöö</translation>
    </message>
    <message>
        <source>rang</source>
        <translation>helises</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>lõppes</translation>
    </message>
    <message>
        <source>wrap-up saved</source>
        <translation>järeltöö salvestatud</translation>
    </message>
    <message>
        <source>Supervisor window…</source>
        <translation>Juhi aken…</translation>
    </message>
    <message>
        <source>screenpop — supervisor (%1)</source>
        <translation>screenpop — juht (%1)</translation>
    </message>
    <message>
        <source>Export calls (CSV)…</source>
        <translation>Ekspordi kõned (CSV)…</translation>
    </message>
    <message>
        <source>Export calls (Excel)…</source>
        <translation>Ekspordi kõned (Excel)…</translation>
    </message>
    <message>
        <source>Live floor</source>
        <translation>Reaalajas</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Näitajad</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sisse logitud: %1</translation>
    </message>
    <message>
        <source>This login supervises no team: the DBA adds it to screenpop.supervisors.</source>
        <translation>See kasutaja ei juhi ühtki meeskonda: andmebaasi haldur lisab selle tabelisse screenpop.supervisors.</translation>
    </message>
    <message>
        <source>That call is no longer there.</source>
        <translation>Seda kõnet enam pole.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Ekspordi kõned</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Eksport tühistati; midagi ei kirjutatud.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksportimine…</translation>
    </message>
    <message>
        <source>Exported %1 calls to %2</source>
        <translation>Eksporditi %1 kõnet faili %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Eksport ebaõnnestus: %1</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Ekspordi näitajad</translation>
    </message>
</context>
</TS>
