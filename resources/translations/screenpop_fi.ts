<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name>AccountViews</name>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>%Ln päivä myöhässä</numerusform>
            <numerusform>%Ln päivää myöhässä</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Erääntynyt</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Ei erääntynyttä</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Luotto jäädytetty</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Luottoraja</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Käytettävissä</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>Riskiluokka</translation>
    </message>
    <message>
        <source>May offer</source>
        <translation>Voi tarjota</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Maksuehdot</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Ei sallittu</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>Arvoluokka</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Elinkaariarvo</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Tilaukset</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Viimeisin tilaus</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>connecting</source>
        <extracomment>What the core calls its journals (``AgentCore.journal_healths``).</extracomment>
        <translation>yhdistetään</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>yhdistetty</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>kuuntelee</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>yritetään uudelleen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ei toimi</translation>
    </message>
    <message>
        <source>local journal</source>
        <translation>paikallinen puheluloki</translation>
    </message>
    <message>
        <source>central journal</source>
        <translation>keskitetty puheluloki</translation>
    </message>
    <message>
        <source>no bridges configured</source>
        <translation>puhelinliitäntöjä ei ole määritetty</translation>
    </message>
    <message>
        <source>screenpop — no bridges configured</source>
        <translation>screenpop — puhelinliitäntöjä ei ole määritetty</translation>
    </message>
    <message>
        <source>screenpop — ready: %1</source>
        <translation>screenpop — valmis: %1</translation>
    </message>
    <message>
        <source>screenpop — no calls from %1</source>
        <translation>screenpop — puheluita ei tule: %1</translation>
    </message>
    <message>
        <source>sources failing: %1</source>
        <translation>tietolähteet eivät vastaa: %1</translation>
    </message>
    <message>
        <source>journal cannot write: calls and wrap-ups are kept and retried</source>
        <translation>puhelulokiin ei voi kirjoittaa: puhelut ja kirjaukset säilytetään ja tallennus yritetään uudelleen</translation>
    </message>
    <message>
        <source>central journal unreachable: calls are kept on this PC and sent later</source>
        <translation>keskitettyä puhelulokia ei tavoiteta: puhelut säilytetään tällä koneella ja lähetetään myöhemmin</translation>
    </message>
    <message>
        <source>Call bridges:</source>
        <translation>Puhelinliitännät:</translation>
    </message>
    <message>
        <source>Data sources:</source>
        <translation>Tietolähteet:</translation>
    </message>
    <message>
        <source>Journal:</source>
        <translation>Puheluloki:</translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>Notes for this call…</source>
        <extracomment>Pause in typing after which a draft is saved; short enough to lose little. Calls whose notes the pop remembers for their wrap-up (the journal keeps all). The agent clicked into the field (the pop may take focus now).</extracomment>
        <translation>Muistiinpanot tästä puhelusta…</translation>
    </message>
</context>
<context>
    <name>PopFooter</name>
    <message>
        <source>Wrap up</source>
        <translation>Kirjaa puhelu</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sulje</translation>
    </message>
</context>
<context>
    <name>PopHeader</name>
    <message>
        <source>Number withheld</source>
        <extracomment>Item data role holding a match&apos;s customer id in the picker and search results.</extracomment>
        <translation>Numero salattu</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Search by number, account or name — Enter</source>
        <translation>Hae numerolla, asiakasnumerolla tai nimellä — Enter</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Haetaan…</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>Asiakas %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) share this number</source>
        <translation>
            <numerusform>Numerolla on %Ln asiakas</numerusform>
            <numerusform>Numerolla on %Ln asiakasta</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose who is calling:</source>
        <translation>Valitse, kuka soittaa:</translation>
    </message>
    <message>
        <source>Caller not identified</source>
        <translation>Soittajaa ei tunnistettu</translation>
    </message>
    <message>
        <source>%1 could not be searched: %2</source>
        <translation>Lähteestä %1 ei voitu hakea: %2</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Tuntematon soittaja</translation>
    </message>
    <message>
        <source>No customer matched this number</source>
        <translation>Numerolla ei löytynyt asiakasta</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>Asiakasta ei löytynyt</translation>
    </message>
    <message numerus="yes">
        <source>Choose a customer (%Ln match(es))…</source>
        <translation>
            <numerusform>Valitse asiakas (%Ln osuma)…</numerusform>
            <numerusform>Valitse asiakas (%Ln osumaa)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Haku epäonnistui: %1</translation>
    </message>
    <message>
        <source>Opening customer…</source>
        <translation>Avataan asiakasta…</translation>
    </message>
</context>
<context>
    <name>PopWindow</name>
    <message>
        <source>Ringing</source>
        <translation>Soi</translation>
    </message>
    <message>
        <source>On call</source>
        <extracomment>While the agent points at or types in a lingering pop, look again this often. After the shown caller hangs up, the next waiting caller comes forward this much later: when callers hang up one after another (the end of a burst) the pop moves once, not once per hang-up, and the agent sees what ended. The agent wants to wrap up ``call_id``; carries the pop&apos;s notes. Ringing calls behind the shown one, oldest first.</extracomment>
        <translation>Puhelussa</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Vastattu muualla</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Vastaamaton</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Päättynyt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>%Ln muu puhelu soi</numerusform>
            <numerusform>%Ln muuta puhelua soi</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Avattu uudelleen</translation>
    </message>
    <message>
        <source>Reopened · %1</source>
        <translation>Avattu uudelleen · %1</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <source>no answer within %1 ms</source>
        <translation>ei vastausta %1 ms:n kuluessa</translation>
    </message>
    <message>
        <source>no answer within %1 ms (abandoned; could not be stopped)</source>
        <translation>ei vastausta %1 ms:n kuluessa (hylätty; pysäyttäminen ei onnistunut)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is failing (%Ln error(s) in a row); retrying in %2 s</source>
        <translation>
            <numerusform>%1 ei toimi (%Ln virhe peräkkäin); uusi yritys %2 s kuluttua</numerusform>
            <numerusform>%1 ei toimi (%Ln virhettä peräkkäin); uusi yritys %2 s kuluttua</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered something a card cannot hold: %2</source>
        <translation>%1 palautti tietoa, jota kortti ei voi näyttää: %2</translation>
    </message>
    <message>
        <source>%1: internal error (%2)</source>
        <translation>%1: sisäinen virhe (%2)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>ei vastausta</translation>
    </message>
    <message>
        <source>cross-sell model unusable: %1</source>
        <translation>lisämyyntimallia ei voi käyttää: %1</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <source>ringing</source>
        <translation>soi</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>vastattu</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>päättynyt</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>vastaamaton</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>salattu</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>vastattu muualla</translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation>vastasi %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Soittaja</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Lopputulos</translation>
    </message>
</context>
<context>
    <name>RecentCallsView</name>
    <message>
        <source>Open card</source>
        <extracomment>Columns sized to their content; the customer column takes what is left. Room around a cell&apos;s text and a header&apos;s title (and its sort arrow). New rows are in and the columns fitted (the window may want to be wider).</extracomment>
        <translation>Avaa kortti</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Soita takaisin</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Kirjaa puhelu</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Päivitä</translation>
    </message>
</context>
<context>
    <name>RecentWindow</name>
    <message>
        <source>screenpop — recent calls</source>
        <translation>screenpop — viimeisimmät puhelut</translation>
    </message>
</context>
<context>
    <name>SalesViews</name>
    <message>
        <source>Date</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Tuote</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Kuvaus</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Kpl</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Summa</translation>
    </message>
</context>
<context>
    <name>SectionBox</name>
    <message>
        <source>Timed out — %1</source>
        <translation>Aikakatkaisu — %1</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Aikakatkaisu</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>syytä ei kerrottu</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>Ei saatavilla: %1</translation>
    </message>
    <message>
        <source>Nothing on file</source>
        <translation>Ei tietoja</translation>
    </message>
    <message>
        <source>Last known, from %1:</source>
        <translation>Viimeisin tieto, %1:</translation>
    </message>
    <message>
        <source>%1 loading</source>
        <translation>%1 latautuu</translation>
    </message>
</context>
<context>
    <name>SectionTitles</name>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Recent purchases</source>
        <translation>Viimeisimmät ostot</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Ehdota</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Luotto</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>Asiakasarvo</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open current card</source>
        <translation>Avaa nykyinen kortti</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Viimeisimmät puhelut</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Lopeta</translation>
    </message>
</context>
<context>
    <name>UiController</name>
    <message>
        <source>Recent calls not loaded: %1</source>
        <extracomment>Calls move in bursts (ring, identified, answered...); one refresh per burst. Jobs at once: a save waiting on the journal, a search, a re-lookup, the list. Something the agent should know (dial failed, card gone): one line.</extracomment>
        <translation>Viimeisimpiä puheluita ei voitu ladata: %1</translation>
    </message>
    <message>
        <source>No bridge can place calls; dial the number on the phone</source>
        <translation>Mikään puhelinliitäntä ei voi soittaa; valitse numero puhelimesta</translation>
    </message>
</context>
<context>
    <name>ViewWords</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <extracomment>``render(data, formats, card currency)`` → the section&apos;s widget. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
        <translation>
            <numerusform>ja %Ln muu</numerusform>
            <numerusform>ja %Ln muuta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WrapupDialog</name>
    <message>
        <source>Wrap up — %1</source>
        <extracomment>The journal has the wrap-up (call id); the dialog closes. The journal cannot write now; the core keeps the wrap-up and retries (call id). Results of a save still running are dropped once the dialog is gone.</extracomment>
        <translation>Kirjaa puhelu — %1</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Kirjaa puhelu</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Muistiinpanot</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <source>The journal cannot write right now. This wrap-up is kept and will be saved as soon as the journal can write again.</source>
        <translation>Puhelulokiin ei voi juuri nyt kirjoittaa. Tämä kirjaus on tallessa, ja se tallennetaan heti, kun puheluloki toimii taas.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
</context>
</TS>
