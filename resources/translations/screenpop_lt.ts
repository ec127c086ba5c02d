<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt">
<context>
    <name>Health</name>
    <message>
        <source>connecting</source>
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
        <source>Call bridges:</source>
        <translation>Telefonijos jungtys:</translation>
    </message>
    <message>
        <source>Data sources:</source>
        <translation>Duomenų šaltiniai:</translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>Notes for this call…</source>
        <extracomment>Pause in typing after which a draft is saved; short enough to lose little. The agent clicked into the field (the pop may take focus now).</extracomment>
        <translation>Šio skambučio pastabos…</translation>
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
</context>
<context>
    <name>PopWindow</name>
    <message>
        <source>Wrap up</source>
        <extracomment>Gap kept between the pop and the screen&apos;s edge when it has no saved place. While the agent points at or types in a lingering pop, look again this often. Time one event-loop pass may spend building section widgets; the rest of the card follows on the next pass, so the screen keeps answering. After the shown caller hangs up, the next waiting caller comes forward this much later: when callers hang up one after another (the end of a burst) the pop moves once, not once per hang-up, and the agent sees what ended. Ringing calls kept waiting behind the shown one (a burst beyond this drops the oldest from the pop&apos;s queue; the journal and recent list keep them all). The agent wants to wrap up ``call_id``; carries the pop&apos;s notes. Ringing calls behind the shown one, oldest first. Sections whose content changed and still need painting, in order.</extracomment>
        <translation>Apibendrinti</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Skambina</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>atsakymo negauta</translation>
    </message>
    <message>
        <source>On call</source>
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
    <message>
        <source>Looking up…</source>
        <translation>Ieškoma…</translation>
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
    <name>ReordersView</name>
    <message>
        <source>Reorders</source>
        <translation>Pakartotiniai užsakymai</translation>
    </message>
    <message>
        <source>Bought once</source>
        <translation>Pirkta kartą</translation>
    </message>
    <message numerus="yes">
        <source>Bought %n times</source>
        <translation>
            <numerusform>Pirkta %n kartą</numerusform>
            <numerusform>Pirkta %n kartus</numerusform>
            <numerusform>Pirkta %n kartų</numerusform>
        </translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Laikas užsakyti</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vėluoja</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Kitas: %1</translation>
    </message>
    <message>
        <source>Bought once, on %1</source>
        <translation>Pirkta kartą, %1</translation>
    </message>
    <message>
        <source>last on %1, due now</source>
        <translation>paskutinį kartą %1, laikas užsakyti</translation>
    </message>
    <message>
        <source>last on %1, overdue</source>
        <translation>paskutinį kartą %1, vėluoja</translation>
    </message>
    <message>
        <source>last on %1, next around %2</source>
        <translation>paskutinį kartą %1, kitas apie %2</translation>
    </message>
    <message>
        <source>Orders about daily</source>
        <translation>Užsako beveik kasdien</translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n days</source>
        <translation>
            <numerusform>Užsako maždaug kas %n dieną</numerusform>
            <numerusform>Užsako maždaug kas %n dienas</numerusform>
            <numerusform>Užsako maždaug kas %n dienų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n weeks</source>
        <translation>
            <numerusform>Užsako maždaug kas %n savaitę</numerusform>
            <numerusform>Užsako maždaug kas %n savaites</numerusform>
            <numerusform>Užsako maždaug kas %n savaičių</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n months</source>
        <translation>
            <numerusform>Užsako maždaug kas %n mėnesį</numerusform>
            <numerusform>Užsako maždaug kas %n mėnesius</numerusform>
            <numerusform>Užsako maždaug kas %n mėnesių</numerusform>
        </translation>
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
        <source>%1 loading</source>
        <translation>%1 įkeliama</translation>
    </message>
</context>
<context>
    <name>SectionViews</name>
    <message>
        <source>Balance</source>
        <extracomment>Purchases shown in the pop; the rest is one line (&quot;and 4 more&quot;).</extracomment>
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
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>ir dar %Ln</numerusform>
            <numerusform>ir dar %Ln</numerusform>
            <numerusform>ir dar %Ln</numerusform>
        </translation>
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
        <extracomment>Calls move in bursts (ring, identified, answered...); one refresh per burst. Something the agent should know (dial failed, card gone): one line.</extracomment>
        <translation>Nepavyko įkelti paskutinių skambučių: %1</translation>
    </message>
    <message>
        <source>No bridge can place calls; dial the number on the phone</source>
        <translation>Jokia telefonijos jungtis negali skambinti; surinkite numerį telefonu</translation>
    </message>
</context>
<context>
    <name>WrapupDialog</name>
    <message>
        <source>Wrap up — %1</source>
        <extracomment>Emitted with the call id once the journal has the wrap-up.</extracomment>
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
        <source>Not saved: %1</source>
        <translation>Neišsaugota: %1</translation>
    </message>
</context>
</TS>
