<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name>screenpop_supervisor</name>
    <message>
        <source>Calls per period</source>
        <translation>Puhelut jaksoittain</translation>
    </message>
    <message>
        <source>No calls in this period.</source>
        <translation>Ei puheluita tällä jaksolla.</translation>
    </message>
    <message>
        <source>unreadable in the journal</source>
        <translation>lokissa lukukelvoton</translation>
    </message>
    <message>
        <source>Call %1 — %2</source>
        <translation>Puhelu %1 — %2</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Soittaja</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <source>unknown caller</source>
        <translation>tuntematon soittaja</translation>
    </message>
    <message>
        <source>(%1 matches)</source>
        <translation>(%1 osumaa)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Luokitus</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Puheaika</translation>
    </message>
    <message>
        <source>Pop latency</source>
        <translation>Ponnahduksen viive</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Aikajana</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Muistiinpanot</translation>
    </message>
    <message>
        <source>Failed sections</source>
        <translation>Epäonnistuneet osiot</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>syytä ei kerrottu</translation>
    </message>
    <message>
        <source>None: every section answered.</source>
        <translation>Ei yhtään: jokainen osio vastasi.</translation>
    </message>
    <message>
        <source>The card as the agent saw it</source>
        <translation>Kortti sellaisena kuin asiakaspalvelija näki sen</translation>
    </message>
    <message>
        <source>No card was journaled for this call.</source>
        <translation>Tälle puhelulle ei tallennettu korttia.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>ei voi kirjoittaa %1: %2</translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation>Viedään puheluita…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Vienti</translation>
    </message>
    <message>
        <source>Exporting calls… %1 of %2</source>
        <translation>Viedään puheluita… %1 / %2</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>päivittäin</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>tunneittain</translation>
    </message>
    <message>
        <source>Export figures (CSV)…</source>
        <translation>Vie luvut (CSV)…</translation>
    </message>
    <message>
        <source>Export figures (Excel)…</source>
        <translation>Vie luvut (Excel)…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Puhelut</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>vastattu</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>vastattu muualla</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>vastaamatta</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>käynnissä</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>Luokitukset</translation>
    </message>
    <message>
        <source>Failed sources</source>
        <translation>Epäonnistuneet lähteet</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>Could not read the central journal: %1</source>
        <translation>Keskuslokia ei voitu lukea: %1</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Tarjotut</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Vastatut</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Vastaamatta</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Vastattu muualla</translation>
    </message>
    <message>
        <source>Time to answer p50 / p90</source>
        <translation>Vastausaika p50 / p90</translation>
    </message>
    <message>
        <source>Talk time p50 / p90</source>
        <translation>Puheaika p50 / p90</translation>
    </message>
    <message>
        <source>Pop latency p50 / p95</source>
        <translation>Ponnahduksen viive p50 / p95</translation>
    </message>
    <message>
        <source>Wrap-up done</source>
        <translation>Jälkityö tehty</translation>
    </message>
    <message>
        <source>Unknown callers</source>
        <translation>Tuntemattomat soittajat</translation>
    </message>
    <message>
        <source>Several matches</source>
        <translation>Useita osumia</translation>
    </message>
    <message>
        <source>Calls with failed sections</source>
        <translation>Puhelut, joissa osio epäonnistui</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ei yhtään</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Mikä tahansa tulos</translation>
    </message>
    <message>
        <source>e.g. sale</source>
        <translation>esim. myynti</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>asiakastunnus</translation>
    </message>
    <message>
        <source>any format</source>
        <translation>missä muodossa tahansa</translation>
    </message>
    <message>
        <source>in notes and names</source>
        <translation>muistiinpanoista ja nimistä</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Käytä</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Asti</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tiimi</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teksti</translation>
    </message>
    <message>
        <source>All my teams</source>
        <translation>Kaikki tiimini</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Kaikki asiakaspalvelijat</translation>
    </message>
    <message>
        <source>“To” is before “From”.</source>
        <translation>”Asti” on ennen ”Alkaen”.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>”%1” ei ole puhelinnumero.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Teksti on liian pitkä.</translation>
    </message>
    <message>
        <source>Type at least 3 characters to search the text.</source>
        <translation>Kirjoita vähintään 3 merkkiä tekstihakuun.</translation>
    </message>
    <message>
        <source>Connecting to the live floor…</source>
        <translation>Yhdistetään reaaliaikaiseen tilannekuvaan…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nyt</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Soi</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Odottanut</translation>
    </message>
    <message>
        <source>Agents now</source>
        <translation>Asiakaspalvelijat nyt</translation>
    </message>
    <message>
        <source>Missed calls not called back yet</source>
        <translation>Vastaamattomat puhelut, joihin ei ole vielä soitettu takaisin</translation>
    </message>
    <message>
        <source>Live: updated as calls change.</source>
        <translation>Reaaliaikainen: päivittyy puhelujen muuttuessa.</translation>
    </message>
    <message>
        <source>Live floor interrupted, reconnecting: %1</source>
        <translation>Tilannekuva katkesi, yhdistetään uudelleen: %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>vapaana</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Puhe</translation>
    </message>
    <message>
        <source>Pop ms</source>
        <translation>Ponnahdus ms</translation>
    </message>
    <message>
        <source>No calls match these filters.</source>
        <translation>Mikään puhelu ei vastaa suodattimia.</translation>
    </message>
    <message>
        <source>%1 calls shown; scroll for more.</source>
        <translation>%1 puhelua näytetty; vieritä nähdäksesi lisää.</translation>
    </message>
    <message>
        <source>%1 calls.</source>
        <translation>%1 puhelua.</translation>
    </message>
    <message>
        <source>ringing</source>
        <translation>soi</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>puhelussa</translation>
    </message>
    <message>
        <source>wrap-up</source>
        <translation>jälkityö</translation>
    </message>
    <message>
        <source>rang</source>
        <translation>soi</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>päättyi</translation>
    </message>
    <message>
        <source>wrap-up saved</source>
        <translation>jälkityö tallennettu</translation>
    </message>
    <message>
        <source>Supervisor window…</source>
        <translation>Esihenkilön ikkuna…</translation>
    </message>
    <message>
        <source>screenpop — supervisor (%1)</source>
        <translation>screenpop — esihenkilö (%1)</translation>
    </message>
    <message>
        <source>Export calls (CSV)…</source>
        <translation>Vie puhelut (CSV)…</translation>
    </message>
    <message>
        <source>Export calls (Excel)…</source>
        <translation>Vie puhelut (Excel)…</translation>
    </message>
    <message>
        <source>Live floor</source>
        <translation>Tilanne nyt</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Luvut</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Kirjautunut: %1</translation>
    </message>
    <message>
        <source>This login supervises no team: the DBA adds it to screenpop.supervisors.</source>
        <translation>Tällä tunnuksella ei ole tiimejä: tietokannan ylläpitäjä lisää sen tauluun screenpop.supervisors.</translation>
    </message>
    <message>
        <source>That call is no longer there.</source>
        <translation>Puhelua ei enää löydy.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Vie puhelut</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Vienti peruttu; mitään ei kirjoitettu.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Viedään…</translation>
    </message>
    <message>
        <source>Exported %1 calls to %2</source>
        <translation>Vietiin %1 puhelua tiedostoon %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Vienti epäonnistui: %1</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Vie luvut</translation>
    </message>
</context>
</TS>
