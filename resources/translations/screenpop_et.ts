<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="et">
<context>
    <name>AccountViews</name>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>%Ln päev üle tähtaja</numerusform>
            <numerusform>%Ln päeva üle tähtaja</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Tähtaja ületanud</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Võlgnevust pole</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Krediit peatatud</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Krediidilimiit</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Saadaval</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>Riskiklass</translation>
    </message>
    <message>
        <source>May offer</source>
        <translation>Võib pakkuda</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Maksetingimused</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Pole lubatud</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>Väärtusklass</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Kogu ostusumma</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Tellimused</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Viimane tellimus</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>connecting</source>
        <extracomment>What the core calls its journals (``AgentCore.journal_healths``).</extracomment>
        <translation>ühendub</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ühendatud</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>kuulab</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>proovib uuesti</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ei tööta</translation>
    </message>
    <message>
        <source>local journal</source>
        <translation>kohalik kõnelogi</translation>
    </message>
    <message>
        <source>central journal</source>
        <translation>keskne kõnelogi</translation>
    </message>
    <message>
        <source>no bridges configured</source>
        <translation>telefoniliideseid pole seadistatud</translation>
    </message>
    <message>
        <source>screenpop — no bridges configured</source>
        <translation>screenpop — telefoniliideseid pole seadistatud</translation>
    </message>
    <message>
        <source>screenpop — ready: %1</source>
        <translation>screenpop — valmis: %1</translation>
    </message>
    <message>
        <source>screenpop — no calls from %1</source>
        <translation>screenpop — kõnesid ei tule: %1</translation>
    </message>
    <message>
        <source>sources failing: %1</source>
        <translation>andmeallikad ei vasta: %1</translation>
    </message>
    <message>
        <source>journal cannot write: calls and wrap-ups are kept and retried</source>
        <translation>kõnelogisse ei saa kirjutada: kõned ja kokkuvõtted hoitakse alles ja salvestamist proovitakse uuesti</translation>
    </message>
    <message>
        <source>central journal unreachable: calls are kept on this PC and sent later</source>
        <translation>keskne kõnelogi pole kättesaadav: kõned hoitakse selles arvutis ja saadetakse hiljem</translation>
    </message>
    <message>
        <source>Call bridges:</source>
        <translation>Telefoniliidesed:</translation>
    </message>
    <message>
        <source>Data sources:</source>
        <translation>Andmeallikad:</translation>
    </message>
    <message>
        <source>Journal:</source>
        <translation>Kõnelogi:</translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>Notes for this call…</source>
        <extracomment>Pause in typing after which a draft is saved; short enough to lose little. Calls whose notes the pop remembers for their wrap-up (the journal keeps all). The agent clicked into the field (the pop may take focus now).</extracomment>
        <translation>Märkmed selle kõne kohta…</translation>
    </message>
</context>
<context>
    <name>PopFooter</name>
    <message>
        <source>Wrap up</source>
        <translation>Kokkuvõte</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sulge</translation>
    </message>
</context>
<context>
    <name>PopHeader</name>
    <message>
        <source>Number withheld</source>
        <extracomment>Item data role holding a match&apos;s customer id in the picker and search results.</extracomment>
        <translation>Varjatud number</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sulge</translation>
    </message>
    <message>
        <source>Search by number, account or name — Enter</source>
        <translation>Otsi numbri, kliendinumbri või nime järgi — Enter</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Otsin…</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>Klient %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) share this number</source>
        <translation>
            <numerusform>Selle numbriga on %Ln klient</numerusform>
            <numerusform>Selle numbriga on %Ln klienti</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose who is calling:</source>
        <translation>Valige, kes helistab:</translation>
    </message>
    <message>
        <source>Caller not identified</source>
        <translation>Helistajat ei tuvastatud</translation>
    </message>
    <message>
        <source>%1 could not be searched: %2</source>
        <translation>Allikast %1 ei saanud otsida: %2</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Tundmatu helistaja</translation>
    </message>
    <message>
        <source>No customer matched this number</source>
        <translation>Selle numbriga klienti ei leitud</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>Klienti ei leitud</translation>
    </message>
    <message numerus="yes">
        <source>Choose a customer (%Ln match(es))…</source>
        <translation>
            <numerusform>Valige klient (%Ln vaste)…</numerusform>
            <numerusform>Valige klient (%Ln vastet)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Otsing ebaõnnestus: %1</translation>
    </message>
    <message>
        <source>Opening customer…</source>
        <translation>Avan kliendi…</translation>
    </message>
</context>
<context>
    <name>PopWindow</name>
    <message>
        <source>Ringing</source>
        <translation>Heliseb</translation>
    </message>
    <message>
        <source>On call</source>
        <extracomment>While the agent points at or types in a lingering pop, look again this often. After the shown caller hangs up, the next waiting caller comes forward this much later: when callers hang up one after another (the end of a burst) the pop moves once, not once per hang-up, and the agent sees what ended. The agent wants to wrap up ``call_id``; carries the pop&apos;s notes. Ringing calls behind the shown one, oldest first.</extracomment>
        <translation>Kõnes</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Vastati mujal</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Vastamata</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Lõppenud</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>Veel %Ln kõne heliseb</numerusform>
            <numerusform>Veel %Ln kõnet heliseb</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Taasavatud</translation>
    </message>
    <message>
        <source>Reopened · %1</source>
        <translation>Taasavatud · %1</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <source>no answer within %1 ms</source>
        <translation>vastust ei tulnud %1 ms jooksul</translation>
    </message>
    <message>
        <source>no answer within %1 ms (abandoned; could not be stopped)</source>
        <translation>vastust ei tulnud %1 ms jooksul (loobuti; peatada ei õnnestunud)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is failing (%Ln error(s) in a row); retrying in %2 s</source>
        <translation>
            <numerusform>%1 ei tööta (%Ln viga järjest); uus katse %2 s pärast</numerusform>
            <numerusform>%1 ei tööta (%Ln viga järjest); uus katse %2 s pärast</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered something a card cannot hold: %2</source>
        <translation>%1 andis andmeid, mida kaart ei saa näidata: %2</translation>
    </message>
    <message>
        <source>%1: internal error (%2)</source>
        <translation>%1: sisemine viga (%2)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>vastust ei tulnud</translation>
    </message>
    <message>
        <source>cross-sell model unusable: %1</source>
        <translation>ristmüügi mudelit ei saa kasutada: %1</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <source>ringing</source>
        <translation>heliseb</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>vastatud</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>lõppenud</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>vastamata</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>varjatud</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>vastati mujal</translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation>vastas %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aeg</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Helistaja</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Olek</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Tulemus</translation>
    </message>
</context>
<context>
    <name>RecentCallsView</name>
    <message>
        <source>Open card</source>
        <extracomment>Columns sized to their content; the customer column takes what is left. Room around a cell&apos;s text and a header&apos;s title (and its sort arrow). New rows are in and the columns fitted (the window may want to be wider).</extracomment>
        <translation>Ava kaart</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Helista tagasi</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Kokkuvõte</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Värskenda</translation>
    </message>
</context>
<context>
    <name>RecentWindow</name>
    <message>
        <source>screenpop — recent calls</source>
        <translation>screenpop — viimased kõned</translation>
    </message>
</context>
<context>
    <name>SalesViews</name>
    <message>
        <source>Date</source>
        <translation>Kuupäev</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Toode</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Kirjeldus</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Kogus</translation>
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
        <translation>Aegus — %1</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Aegus</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>põhjust ei antud</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>Pole saadaval: %1</translation>
    </message>
    <message>
        <source>Nothing on file</source>
        <translation>Andmed puuduvad</translation>
    </message>
    <message>
        <source>Last known, from %1:</source>
        <translation>Viimati teada, %1:</translation>
    </message>
    <message>
        <source>%1 loading</source>
        <translation>%1 laaditakse</translation>
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
        <translation>Viimased ostud</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Soovita</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Krediit</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>Kliendi väärtus</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open current card</source>
        <translation>Ava praegune kaart</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Viimased kõned</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Välju</translation>
    </message>
</context>
<context>
    <name>UiController</name>
    <message>
        <source>Recent calls not loaded: %1</source>
        <extracomment>Calls move in bursts (ring, identified, answered...); one refresh per burst. Jobs at once: a save waiting on the journal, a search, a re-lookup, the list. Something the agent should know (dial failed, card gone): one line.</extracomment>
        <translation>Viimaseid kõnesid ei õnnestunud laadida: %1</translation>
    </message>
    <message>
        <source>No bridge can place calls; dial the number on the phone</source>
        <translation>Ükski telefoniliides ei saa helistada; valige number telefonist</translation>
    </message>
</context>
<context>
    <name>ViewWords</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <extracomment>``render(data, formats, card currency)`` → the section&apos;s widget. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
        <translation>
            <numerusform>ja veel %Ln</numerusform>
            <numerusform>ja veel %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WrapupDialog</name>
    <message>
        <source>Wrap up — %1</source>
        <extracomment>The journal has the wrap-up (call id); the dialog closes. The journal cannot write now; the core keeps the wrap-up and retries (call id). Results of a save still running are dropped once the dialog is gone.</extracomment>
        <translation>Kokkuvõte — %1</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Kokkuvõte</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Tulemus</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Märkmed</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvesta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Loobu</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvestan…</translation>
    </message>
    <message>
        <source>The journal cannot write right now. This wrap-up is kept and will be saved as soon as the journal can write again.</source>
        <translation>Kõnelogisse ei saa praegu kirjutada. See kokkuvõte on alles ja salvestatakse kohe, kui kõnelogi jälle töötab.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulge</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ei salvestatud: %1</translation>
    </message>
</context>
</TS>
