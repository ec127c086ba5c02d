<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>screenpop_supervisor</name>
    <message>
        <source>Calls per period</source>
        <translation>Samtal per period</translation>
    </message>
    <message>
        <source>No calls in this period.</source>
        <translation>Inga samtal under perioden.</translation>
    </message>
    <message>
        <source>unreadable in the journal</source>
        <translation>oläslig i journalen</translation>
    </message>
    <message>
        <source>Call %1 — %2</source>
        <translation>Samtal %1 — %2</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>unknown caller</source>
        <translation>okänd uppringare</translation>
    </message>
    <message>
        <source>(%1 matches)</source>
        <translation>(%1 träffar)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Klassning</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Samtalstid</translation>
    </message>
    <message>
        <source>Pop latency</source>
        <translation>Popup-fördröjning</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Failed sections</source>
        <translation>Misslyckade avsnitt</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ingen orsak angiven</translation>
    </message>
    <message>
        <source>None: every section answered.</source>
        <translation>Inga: alla avsnitt svarade.</translation>
    </message>
    <message>
        <source>The card as the agent saw it</source>
        <translation>Kortet som agenten såg det</translation>
    </message>
    <message>
        <source>No card was journaled for this call.</source>
        <translation>Inget kort journalfördes för samtalet.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan inte skriva %1: %2</translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation>Exporterar samtal…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporting calls… %1 of %2</source>
        <translation>Exporterar samtal… %1 av %2</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>per dag</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>per timme</translation>
    </message>
    <message>
        <source>Export figures (CSV)…</source>
        <translation>Exportera siffror (CSV)…</translation>
    </message>
    <message>
        <source>Export figures (Excel)…</source>
        <translation>Exportera siffror (Excel)…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>besvarat</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>besvarat på annat håll</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missat</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>pågår</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>Klassningar</translation>
    </message>
    <message>
        <source>Failed sources</source>
        <translation>Misslyckade källor</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <source>Could not read the central journal: %1</source>
        <translation>Kunde inte läsa den centrala journalen: %1</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Erbjudna</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarade</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missade</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Besvarade på annat håll</translation>
    </message>
    <message>
        <source>Time to answer p50 / p90</source>
        <translation>Svarstid p50 / p90</translation>
    </message>
    <message>
        <source>Talk time p50 / p90</source>
        <translation>Samtalstid p50 / p90</translation>
    </message>
    <message>
        <source>Pop latency p50 / p95</source>
        <translation>Popup-fördröjning p50 / p95</translation>
    </message>
    <message>
        <source>Wrap-up done</source>
        <translation>Efterarbete klart</translation>
    </message>
    <message>
        <source>Unknown callers</source>
        <translation>Okända uppringare</translation>
    </message>
    <message>
        <source>Several matches</source>
        <translation>Flera träffar</translation>
    </message>
    <message>
        <source>Calls with failed sections</source>
        <translation>Samtal med misslyckade avsnitt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>inga</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Alla utfall</translation>
    </message>
    <message>
        <source>e.g. sale</source>
        <translation>t.ex. försäljning</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>kund-id</translation>
    </message>
    <message>
        <source>any format</source>
        <translation>valfritt format</translation>
    </message>
    <message>
        <source>in notes and names</source>
        <translation>i anteckningar och namn</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Tillämpa</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>All my teams</source>
        <translation>Alla mina team</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alla agenter</translation>
    </message>
    <message>
        <source>“To” is before “From”.</source>
        <translation>”Till” är före ”Från”.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>”%1” är inte ett telefonnummer.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Texten är för lång.</translation>
    </message>
    <message>
        <source>Type at least 3 characters to search the text.</source>
        <translation>Skriv minst 3 tecken för att söka i texten.</translation>
    </message>
    <message>
        <source>Connecting to the live floor…</source>
        <translation>Ansluter till läget just nu…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Hur länge</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Ringde</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntat</translation>
    </message>
    <message>
        <source>Agents now</source>
        <translation>Agenter just nu</translation>
    </message>
    <message>
        <source>Missed calls not called back yet</source>
        <translation>Missade samtal som ännu inte ringts tillbaka</translation>
    </message>
    <message>
        <source>Live: updated as calls change.</source>
        <translation>Live: uppdateras när samtalen ändras.</translation>
    </message>
    <message>
        <source>Live floor interrupted, reconnecting: %1</source>
        <translation>Läget just nu avbröts, ansluter igen: %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ledig</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Pop ms</source>
        <translation>Popup ms</translation>
    </message>
    <message>
        <source>No calls match these filters.</source>
        <translation>Inga samtal matchar filtren.</translation>
    </message>
    <message>
        <source>%1 calls shown; scroll for more.</source>
        <translation>%1 samtal visas; rulla för fler.</translation>
    </message>
    <message>
        <source>%1 calls.</source>
        <translation>%1 samtal.</translation>
    </message>
    <message>
        <source>ringing</source>
        <translation>ringer</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>i samtal</translation>
    </message>
    <message>
        <source>wrap-up</source>
        <translation>efterarbete</translation>
    </message>
    <message>
        <source>rang</source>
        <translation>ringde</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>avslutat</translation>
    </message>
    <message>
        <source>wrap-up saved</source>
        <translation>efterarbete sparat</translation>
    </message>
    <message>
        <source>Supervisor window…</source>
        <translation>Arbetsledarfönster…</translation>
    </message>
    <message>
        <source>screenpop — supervisor (%1)</source>
        <translation>screenpop — arbetsledare (%1)</translation>
    </message>
    <message>
        <source>Export calls (CSV)…</source>
        <translation>Exportera samtal (CSV)…</translation>
    </message>
    <message>
        <source>Export calls (Excel)…</source>
        <translation>Exportera samtal (Excel)…</translation>
    </message>
    <message>
        <source>Live floor</source>
        <translation>Läget nu</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Siffror</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Inloggad som %1</translation>
    </message>
    <message>
        <source>This login supervises no team: the DBA adds it to screenpop.supervisors.</source>
        <translation>Inloggningen leder inget team: databasadministratören lägger till den i screenpop.supervisors.</translation>
    </message>
    <message>
        <source>That call is no longer there.</source>
        <translation>Samtalet finns inte längre.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Exportera samtal</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exporten avbröts; inget skrevs.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Exported %1 calls to %2</source>
        <translation>Exporterade %1 samtal till %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Exporten misslyckades: %1</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Exportera siffror</translation>
    </message>
</context>
</TS>
