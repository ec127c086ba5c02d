<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt">
<context>
    <name>AccountViews</name>
    <message>
        <source>Balance</source>
        <translation>Likutis</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>vėluojama %Ln dieną</numerusform>
            <numerusform>vėluojama %Ln dienas</numerusform>
            <numerusform>vėluojama %Ln dienų</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Pradelsta</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Pradelstų nėra</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Kreditas sustabdytas</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Kredito limitas</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Laisvas likutis</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>Rizikos klasė</translation>
    </message>
    <message>
        <source>May offer</source>
        <translation>Galima pasiūlyti</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Mokėjimo sąlygos</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Neleidžiama</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>Vertės lygis</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Viso pirkinių suma</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Užsakymai</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Paskutinis užsakymas</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>connecting</source>
        <extracomment>What the core calls its journals (``AgentCore.journal_healths``).</extracomment>
        <translation>jungiamasi</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>prisijungta</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>klausomasi</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>bandoma iš naujo</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>neveikia</translation>
    </message>
    <message>
        <source>local journal</source>
        <translation>vietinis skambučių žurnalas</translation>
    </message>
    <message>
        <source>central journal</source>
        <translation>centrinis skambučių žurnalas</translation>
    </message>
    <message>
        <source>no bridges configured</source>
        <translation>telefonijos jungčių nesukonfigūruota</translation>
    </message>
    <message>
        <source>screenpop — no bridges configured</source>
        <translation>screenpop — telefonijos jungčių nesukonfigūruota</translation>
    </message>
    <message>
        <source>screenpop — ready: %1</source>
        <translation>screenpop — paruošta: %1</translation>
    </message>
    <message>
        <source>screenpop — no calls from %1</source>
        <translation>screenpop — negaunama skambučių: %1</translation>
    </message>
    <message>
        <source>sources failing: %1</source>
        <translation>neatsako duomenų šaltiniai: %1</translation>
    </message>
    <message>
        <source>journal cannot write: calls and wrap-ups are kept and retried</source>
        <translation>į skambučių žurnalą nepavyksta įrašyti: skambučiai ir apibendrinimai saugomi ir bandoma dar kartą</translation>
    </message>
    <message>
        <source>central journal unreachable: calls are kept on this PC and sent later</source>
        <translation>centrinis skambučių žurnalas nepasiekiamas: skambučiai saugomi šiame kompiuteryje ir bus išsiųsti vėliau</translation>
    </message>
    <message>
        <source>Call bridges:</source>
        <translation>Telefonijos jungtys:</translation>
    </message>
    <message>
        <source>Data sources:</source>
        <translation>Duomenų šaltiniai:</translation>
    </message>
    <message>
        <source>Journal:</source>
        <translation>Skambučių žurnalas:</translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>Notes for this call…</source>
        <extracomment>Pause in typing after which a draft is saved; short enough to lose little. Calls whose notes the pop remembers for their wrap-up (the journal keeps all). The agent clicked into the field (the pop may take focus now).</extracomment>
        <translation>Šio skambučio pastabos…</translation>
    </message>
</context>
<context>
    <name>PopFooter</name>
    <message>
        <source>Wrap up</source>
        <translation>Apibendrinti</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Uždaryti</translation>
    </message>
</context>
<context>
    <name>PopHeader</name>
    <message>
        <source>Number withheld</source>
        <extracomment>Item data role holding a match&apos;s customer id in the picker and search results.</extracomment>
        <translation>Numeris paslėptas</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Search by number, account or name — Enter</source>
        <translation>Ieškokite pagal numerį, sąskaitą ar vardą — Enter</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Ieškoma…</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>Klientas %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) share this number</source>
        <translation>
            <numerusform>Šiuo numeriu naudojasi %Ln klientas</numerusform>
            <numerusform>Šiuo numeriu naudojasi %Ln klientai</numerusform>
            <numerusform>Šiuo numeriu naudojasi %Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose who is calling:</source>
        <translation>Pasirinkite, kas skambina:</translation>
    </message>
    <message>
        <source>Caller not identified</source>
        <translation>Skambintojas nenustatytas</translation>
    </message>
    <message>
        <source>%1 could not be searched: %2</source>
        <translation>Nepavyko ieškoti šaltinyje %1: %2</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Nežinomas skambintojas</translation>
    </message>
    <message>
        <source>No customer matched this number</source>
        <translation>Šiuo numeriu klientas nerastas</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>Klientas nerastas</translation>
    </message>
    <message numerus="yes">
        <source>Choose a customer (%Ln match(es))…</source>
        <translation>
            <numerusform>Pasirinkite klientą (%Ln atitikmuo)…</numerusform>
            <numerusform>Pasirinkite klientą (%Ln atitikmenys)…</numerusform>
            <numerusform>Pasirinkite klientą (%Ln atitikmenų)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Paieška nepavyko: %1</translation>
    </message>
    <message>
        <source>Opening customer…</source>
        <translation>Atidaromas klientas…</translation>
    </message>
</context>
<context>
    <name>PopWindow</name>
    <message>
        <source>Ringing</source>
        <translation>Skambina</translation>
    </message>
    <message>
        <source>On call</source>
        <extracomment>While the agent points at or types in a lingering pop, look again this often. After the shown caller hangs up, the next waiting caller comes forward this much later: when callers hang up one after another (the end of a burst) the pop moves once, not once per hang-up, and the agent sees what ended. The agent wants to wrap up ``call_id``; carries the pop&apos;s notes. Ringing calls behind the shown one, oldest first.</extracomment>
        <translation>Vyksta pokalbis</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Atsiliepė kitas operatorius</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Praleistas</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Baigtas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>Dar %Ln skambutis</numerusform>
            <numerusform>Dar %Ln skambučiai</numerusform>
            <numerusform>Dar %Ln skambučių</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Atidaryta iš naujo</translation>
    </message>
    <message>
        <source>Reopened · %1</source>
        <translation>Atidaryta iš naujo · %1</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <source>no answer within %1 ms</source>
        <translation>neatsakė per %1 ms</translation>
    </message>
    <message>
        <source>no answer within %1 ms (abandoned; could not be stopped)</source>
        <translation>neatsakė per %1 ms (atsisakyta; nepavyko sustabdyti)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is failing (%Ln error(s) in a row); retrying in %2 s</source>
        <translation>
            <numerusform>%1 neveikia (%Ln klaida iš eilės); bandoma vėl po %2 s</numerusform>
            <numerusform>%1 neveikia (%Ln klaidos iš eilės); bandoma vėl po %2 s</numerusform>
            <numerusform>%1 neveikia (%Ln klaidų iš eilės); bandoma vėl po %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered something a card cannot hold: %2</source>
        <translation>%1 grąžino duomenis, kurių kortelė negali parodyti: %2</translation>
    </message>
    <message>
        <source>%1: internal error (%2)</source>
        <translation>%1: vidinė klaida (%2)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>nėra atsakymo</translation>
    </message>
    <message>
        <source>cross-sell model unusable: %1</source>
        <translation>kryžminio pardavimo modelio negalima naudoti: %1</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <source>ringing</source>
        <translation>skambina</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>atsiliepta</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>baigtas</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>praleistas</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>paslėptas</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>atsiliepė kitas operatorius</translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation>atsiliepė %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Laikas</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Skambintojas</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klientas</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Rezultatas</translation>
    </message>
</context>
<context>
    <name>RecentCallsView</name>
    <message>
        <source>Open card</source>
        <extracomment>Columns sized to their content; the customer column takes what is left. Room around a cell&apos;s text and a header&apos;s title (and its sort arrow). New rows are in and the columns fitted (the window may want to be wider).</extracomment>
        <translation>Atidaryti kortelę</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Perskambinti</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Apibendrinti</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atnaujinti</translation>
    </message>
</context>
<context>
    <name>RecentWindow</name>
    <message>
        <source>screenpop — recent calls</source>
        <translation>screenpop — paskutiniai skambučiai</translation>
    </message>
</context>
<context>
    <name>SalesViews</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Prekė</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Aprašymas</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Kiekis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Suma</translation>
    </message>
</context>
<context>
    <name>SectionBox</name>
    <message>
        <source>Timed out — %1</source>
        <translation>Baigėsi laikas — %1</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Baigėsi laikas</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>priežastis nenurodyta</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>Nepasiekiama: %1</translation>
    </message>
    <message>
        <source>Nothing on file</source>
        <translation>Duomenų nėra</translation>
    </message>
    <message>
        <source>Last known, from %1:</source>
        <translation>Paskutiniai žinomi duomenys, %1:</translation>
    </message>
    <message>
        <source>%1 loading</source>
        <translation>%1 įkeliama</translation>
    </message>
</context>
<context>
    <name>SectionTitles</name>
    <message>
        <source>Balance</source>
        <translation>Likutis</translation>
    </message>
    <message>
        <source>Recent purchases</source>
        <translation>Paskutiniai pirkiniai</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Pasiūlykite</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kreditas</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>Kliento vertė</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open current card</source>
        <translation>Atidaryti dabartinę kortelę</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Paskutiniai skambučiai</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Išeiti</translation>
    </message>
</context>
<context>
    <name>UiController</name>
    <message>
        <source>Recent calls not loaded: %1</source>
        <extracomment>Calls move in bursts (ring, identified, answered...); one refresh per burst. Jobs at once: a save waiting on the journal, a search, a re-lookup, the list. Something the agent should know (dial failed, card gone): one line.</extracomment>
        <translation>Nepavyko įkelti paskutinių skambučių: %1</translation>
    </message>
    <message>
        <source>No bridge can place calls; dial the number on the phone</source>
        <translation>Jokia telefonijos jungtis negali skambinti; surinkite numerį telefonu</translation>
    </message>
</context>
<context>
    <name>ViewWords</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <extracomment>``render(data, formats, card currency)`` → the section&apos;s widget. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
        <translation>
            <numerusform>ir dar %Ln</numerusform>
            <numerusform>ir dar %Ln</numerusform>
            <numerusform>ir dar %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WrapupDialog</name>
    <message>
        <source>Wrap up — %1</source>
        <extracomment>The journal has the wrap-up (call id); the dialog closes. The journal cannot write now; the core keeps the wrap-up and retries (call id). Results of a save still running are dropped once the dialog is gone.</extracomment>
        <translation>Apibendrinti — %1</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Apibendrinti</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Rezultatas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Pastabos</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Išsaugoti</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atšaukti</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Išsaugoma…</translation>
    </message>
    <message>
        <source>The journal cannot write right now. This wrap-up is kept and will be saved as soon as the journal can write again.</source>
        <translation>Šiuo metu į skambučių žurnalą įrašyti nepavyksta. Šis apibendrinimas išsaugotas ir bus įrašytas, kai tik žurnalas vėl veiks.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Neišsaugota: %1</translation>
    </message>
</context>
</TS>
