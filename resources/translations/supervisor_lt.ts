<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt">
<context>
    <name>screenpop_supervisor</name>
    <message>
        <source>Calls per period</source>
        <translation>Skambučiai per laikotarpį</translation>
    </message>
    <message>
        <source>No calls in this period.</source>
        <translation>Šiuo laikotarpiu skambučių nėra.</translation>
    </message>
    <message>
        <source>unreadable in the journal</source>
        <translation>žurnale neįskaitoma</translation>
    </message>
    <message>
        <source>Call %1 — %2</source>
        <translation>Skambutis %1 — %2</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Skambintojas</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numeris</translation>
    </message>
    <message>
        <source>unknown caller</source>
        <translation>nežinomas skambintojas</translation>
    </message>
    <message>
        <source>(%1 matches)</source>
        <translation>(%1 atitikmenys)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klientas</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Operatorius</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Rezultatas</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Klasifikacija</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Pokalbio trukmė</translation>
    </message>
    <message>
        <source>Pop latency</source>
        <translation>Iškylančio lango delsa</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Laiko juosta</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Pastabos</translation>
    </message>
    <message>
        <source>Failed sections</source>
        <translation>Nepavykusios sekcijos</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>priežastis nenurodyta</translation>
    </message>
    <message>
        <source>None: every section answered.</source>
        <translation>Nėra: atsakė visos sekcijos.</translation>
    </message>
    <message>
        <source>The card as the agent saw it</source>
        <translation>Kortelė, kokią matė operatorius</translation>
    </message>
    <message>
        <source>No card was journaled for this call.</source>
        <translation>Šiam skambučiui kortelė neužregistruota.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>negalima įrašyti %1: %2</translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation>Eksportuojami skambučiai…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atšaukti</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportas</translation>
    </message>
    <message>
        <source>Exporting calls… %1 of %2</source>
        <translation>Eksportuojami skambučiai… %1 iš %2</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>per dieną</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>per valandą</translation>
    </message>
    <message>
        <source>Export figures (CSV)…</source>
        <translation>Eksportuoti rodiklius (CSV)…</translation>
    </message>
    <message>
        <source>Export figures (Excel)…</source>
        <translation>Eksportuoti rodiklius (Excel)…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Skambučiai</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>atsiliepta</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>atsiliepta kitur</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>praleistas</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>vyksta</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>Klasifikacijos</translation>
    </message>
    <message>
        <source>Failed sources</source>
        <translation>Nepavykę šaltiniai</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Įkeliama…</translation>
    </message>
    <message>
        <source>Could not read the central journal: %1</source>
        <translation>Nepavyko nuskaityti centrinio žurnalo: %1</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Pasiūlyti</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Atsiliepti</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Praleisti</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Atsiliepta kitur</translation>
    </message>
    <message>
        <source>Time to answer p50 / p90</source>
        <translation>Atsiliepimo laikas p50 / p90</translation>
    </message>
    <message>
        <source>Talk time p50 / p90</source>
        <translation>Pokalbio trukmė p50 / p90</translation>
    </message>
    <message>
        <source>Pop latency p50 / p95</source>
        <translation>Iškylančio lango delsa p50 / p95</translation>
    </message>
    <message>
        <source>Wrap-up done</source>
        <translation>Baigiamasis darbas atliktas</translation>
    </message>
    <message>
        <source>Unknown callers</source>
        <translation>Nežinomi skambintojai</translation>
    </message>
    <message>
        <source>Several matches</source>
        <translation>Keli atitikmenys</translation>
    </message>
    <message>
        <source>Calls with failed sections</source>
        <translation>Skambučiai su nepavykusiomis sekcijomis</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nėra</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Bet koks rezultatas</translation>
    </message>
    <message>
        <source>e.g. sale</source>
        <translation>pvz. pardavimas</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>kliento ID</translation>
    </message>
    <message>
        <source>any format</source>
        <translation>bet kokiu formatu</translation>
    </message>
    <message>
        <source>in notes and names</source>
        <translation>pastabose ir varduose</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Taikyti</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nuo</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Iki</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Komanda</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekstas</translation>
    </message>
    <message>
        <source>All my teams</source>
        <translation>Visos mano komandos</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Visi operatoriai</translation>
    </message>
    <message>
        <source>“To” is before “From”.</source>
        <translation>„Iki“ yra anksčiau nei „Nuo“.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>„%1“ nėra telefono numeris.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Tekstas per ilgas.</translation>
    </message>
    <message>
        <source>Type at least 3 characters to search the text.</source>
        <translation>Tekstui ieškoti įveskite bent 3 simbolius.</translation>
    </message>
    <message>
        <source>Connecting to the live floor…</source>
        <translation>Jungiamasi prie tiesioginės salės vaizdo…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Dabar</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Trukmė</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Skambino</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Laukia</translation>
    </message>
    <message>
        <source>Agents now</source>
        <translation>Operatoriai dabar</translation>
    </message>
    <message>
        <source>Missed calls not called back yet</source>
        <translation>Praleisti skambučiai, į kuriuos dar neatskambinta</translation>
    </message>
    <message>
        <source>Live: updated as calls change.</source>
        <translation>Tiesiogiai: atnaujinama keičiantis skambučiams.</translation>
    </message>
    <message>
        <source>Live floor interrupted, reconnecting: %1</source>
        <translation>Tiesioginis vaizdas nutrūko, jungiamasi iš naujo: %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>laisvas</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Laikas</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Pokalbis</translation>
    </message>
    <message>
        <source>Pop ms</source>
        <translation>Langas ms</translation>
    </message>
    <message>
        <source>No calls match these filters.</source>
        <translation>Šiuos filtrus atitinkančių skambučių nėra.</translation>
    </message>
    <message>
        <source>%1 calls shown; scroll for more.</source>
        <translation>Rodoma skambučių: %1; slinkite, kad matytumėte daugiau.</translation>
    </message>
    <message>
        <source>%1 calls.</source>
        <translation>Skambučių: %1.</translation>
    </message>
    <message>
        <source>ringing</source>
        <translation>skambina</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>kalbasi</translation>
    </message>
    <message>
        <source>wrap-up</source>
        <translation>baigiamasis darbas</translation>
    </message>
    <message>
        <source>rang</source>
        <translation>skambino</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>baigėsi</translation>
    </message>
    <message>
        <source>wrap-up saved</source>
        <translation>baigiamasis darbas išsaugotas</translation>
    </message>
    <message>
        <source>Supervisor window…</source>
        <translation>Vadovo langas…</translation>
    </message>
    <message>
        <source>screenpop — supervisor (%1)</source>
        <translation>screenpop — vadovas (%1)</translation>
    </message>
    <message>
        <source>Export calls (CSV)…</source>
        <translation>Eksportuoti skambučius (CSV)…</translation>
    </message>
    <message>
        <source>Export calls (Excel)…</source>
        <translation>Eksportuoti skambučius (Excel)…</translation>
    </message>
    <message>
        <source>Live floor</source>
        <translation>Salė dabar</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Rodikliai</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Prisijungta kaip %1</translation>
    </message>
    <message>
        <source>This login supervises no team: the DBA adds it to screenpop.supervisors.</source>
        <translation>Šis prisijungimas neprižiūri jokios komandos: DB administratorius turi jį įtraukti į screenpop.supervisors.</translation>
    </message>
    <message>
        <source>That call is no longer there.</source>
        <translation>Šio skambučio nebėra.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Eksportuoti skambučius</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Eksportas atšauktas; nieko neįrašyta.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksportuojama…</translation>
    </message>
    <message>
        <source>Exported %1 calls to %2</source>
        <translation>Eksportuota skambučių: %1 į %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Eksportas nepavyko: %1</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Eksportuoti rodiklius</translation>
    </message>
</context>
</TS>
