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
    <name>BusinessWords</name>
    <message>
        <source>%1 has no &apos;history&apos; query, which crosssell.per_pop = &apos;history&apos; needs</source>
        <translation>Šaltinis %1 neturi history užklausos, kurios reikia crosssell.per_pop = &apos;history&apos;</translation>
    </message>
    <message numerus="yes">
        <source>bought with %1 by %Ln customer(s)</source>
        <translation>
            <numerusform>kartu su %1 pirko %Ln klientas</numerusform>
            <numerusform>kartu su %1 pirko %Ln klientai</numerusform>
            <numerusform>kartu su %1 pirko %Ln klientų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>popular with %Ln customer(s) in the last %1 days</source>
        <translation>
            <numerusform>populiarus: %Ln klientas per pastarąsias %1 d.</numerusform>
            <numerusform>populiarus: %Ln klientai per pastarąsias %1 d.</numerusform>
            <numerusform>populiarus: %Ln klientų per pastarąsias %1 d.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bought by %Ln customer(s)</source>
        <translation>
            <numerusform>pirko %Ln klientas</numerusform>
            <numerusform>pirko %Ln klientai</numerusform>
            <numerusform>pirko %Ln klientų</numerusform>
        </translation>
    </message>
    <message>
        <source>bought once, on %1</source>
        <translation>pirkta vieną kartą, %1</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, due now</source>
        <translation>užsako beveik kasdien; paskutinį kartą %1, metas dabar</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, overdue</source>
        <translation>užsako beveik kasdien; paskutinį kartą %1, vėluoja</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, next around %2</source>
        <translation>užsako beveik kasdien; paskutinį kartą %1, kitas apie %2</translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, due now</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln dieną; paskutinį kartą %1, metas dabar</numerusform>
            <numerusform>užsako maždaug kas %Ln dienas; paskutinį kartą %1, metas dabar</numerusform>
            <numerusform>užsako maždaug kas %Ln dienų; paskutinį kartą %1, metas dabar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, overdue</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln dieną; paskutinį kartą %1, vėluoja</numerusform>
            <numerusform>užsako maždaug kas %Ln dienas; paskutinį kartą %1, vėluoja</numerusform>
            <numerusform>užsako maždaug kas %Ln dienų; paskutinį kartą %1, vėluoja</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, next around %2</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln dieną; paskutinį kartą %1, kitas apie %2</numerusform>
            <numerusform>užsako maždaug kas %Ln dienas; paskutinį kartą %1, kitas apie %2</numerusform>
            <numerusform>užsako maždaug kas %Ln dienų; paskutinį kartą %1, kitas apie %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, due now</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln savaitę; paskutinį kartą %1, metas dabar</numerusform>
            <numerusform>užsako maždaug kas %Ln savaites; paskutinį kartą %1, metas dabar</numerusform>
            <numerusform>užsako maždaug kas %Ln savaičių; paskutinį kartą %1, metas dabar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, overdue</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln savaitę; paskutinį kartą %1, vėluoja</numerusform>
            <numerusform>užsako maždaug kas %Ln savaites; paskutinį kartą %1, vėluoja</numerusform>
            <numerusform>užsako maždaug kas %Ln savaičių; paskutinį kartą %1, vėluoja</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, next around %2</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln savaitę; paskutinį kartą %1, kitas apie %2</numerusform>
            <numerusform>užsako maždaug kas %Ln savaites; paskutinį kartą %1, kitas apie %2</numerusform>
            <numerusform>užsako maždaug kas %Ln savaičių; paskutinį kartą %1, kitas apie %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, due now</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln mėnesį; paskutinį kartą %1, metas dabar</numerusform>
            <numerusform>užsako maždaug kas %Ln mėnesius; paskutinį kartą %1, metas dabar</numerusform>
            <numerusform>užsako maždaug kas %Ln mėnesių; paskutinį kartą %1, metas dabar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, overdue</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln mėnesį; paskutinį kartą %1, vėluoja</numerusform>
            <numerusform>užsako maždaug kas %Ln mėnesius; paskutinį kartą %1, vėluoja</numerusform>
            <numerusform>užsako maždaug kas %Ln mėnesių; paskutinį kartą %1, vėluoja</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, next around %2</source>
        <translation>
            <numerusform>užsako maždaug kas %Ln mėnesį; paskutinį kartą %1, kitas apie %2</numerusform>
            <numerusform>užsako maždaug kas %Ln mėnesius; paskutinį kartą %1, kitas apie %2</numerusform>
            <numerusform>užsako maždaug kas %Ln mėnesių; paskutinį kartą %1, kitas apie %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (cannot rule out: %2 not on file)</source>
        <translation>%1 (negalima atmesti: nėra duomenų – %2)</translation>
    </message>
    <message>
        <source>available credit</source>
        <translation>laisvas kreditas</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>likutis</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>valiuta</translation>
    </message>
    <message>
        <source>hold flag</source>
        <translation>sustabdymo žymė</translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation>kredito limitas</translation>
    </message>
    <message>
        <source>overdue amount</source>
        <translation>pradelsta suma</translation>
    </message>
    <message>
        <source>overdue days</source>
        <translation>pradelstos dienos</translation>
    </message>
    <message>
        <source>risk grade</source>
        <translation>rizikos grupė</translation>
    </message>
    <message>
        <source>agreed terms</source>
        <translation>sutartos mokėjimo sąlygos</translation>
    </message>
    <message>
        <source>credit utilisation</source>
        <translation>kredito panaudojimas</translation>
    </message>
    <message>
        <source>more generous than the agreed %1</source>
        <translation>palankesnės nei sutartos %1</translation>
    </message>
    <message>
        <source>agreed terms &apos;%1&apos; are not in credit.terms</source>
        <translation>sutartų sąlygų &apos;%1&apos; nėra sąraše credit.terms</translation>
    </message>
    <message>
        <source>no agreed terms on file</source>
        <translation>sutartų mokėjimo sąlygų nėra</translation>
    </message>
    <message>
        <source>no credit record on file (%1)</source>
        <translation>kredito duomenų nėra (%1)</translation>
    </message>
    <message>
        <source>credit record (%1) is not a single record</source>
        <translation>kredito duomenys (%1) nėra vienas įrašas</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) timed out</source>
        <translation>negalima patikrinti sąlygų: kredito duomenys (%1) neatsakė laiku</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) unavailable</source>
        <translation>negalima patikrinti sąlygų: kredito duomenys (%1) nepasiekiami</translation>
    </message>
    <message>
        <source>cannot check terms: no credit record on file (%1)</source>
        <translation>negalima patikrinti sąlygų: kredito duomenų nėra (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) is not a single record</source>
        <translation>negalima patikrinti sąlygų: kredito duomenys (%1) nėra vienas įrašas</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) timed out</source>
        <translation>negalima patikrinti sąlygų: likutis (%1) neatsakė laiku</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) unavailable</source>
        <translation>negalima patikrinti sąlygų: likutis (%1) nepasiekiamas</translation>
    </message>
    <message>
        <source>cannot check terms: no balance on file (%1)</source>
        <translation>negalima patikrinti sąlygų: likučio nėra (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) is not a single record</source>
        <translation>negalima patikrinti sąlygų: likutis (%1) nėra vienas įrašas</translation>
    </message>
    <message>
        <source>cannot check terms: no balance source configured</source>
        <translation>negalima patikrinti sąlygų: nenustatytas likučio šaltinis</translation>
    </message>
    <message>
        <source>%1 band (%2 ≥ %3)</source>
        <translation>grupė %1 (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>top %1% by revenue (%2 ≥ %3)</source>
        <translation>pagal apyvartą geriausi %1 % (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>bottom %1% by revenue (%2 ≥ %3)</source>
        <translation>pagal apyvartą paskutiniai %1 % (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>every customer (%1 ≥ %2)</source>
        <translation>kiekvienas klientas (%1 ≥ %2)</translation>
    </message>
    <message numerus="yes">
        <source>below every tier (%1 &lt; %2 or fewer than %Ln order(s))</source>
        <translation>
            <numerusform>žemiau visų grupių (%1 &lt; %2 arba mažiau nei %Ln užsakymas)</numerusform>
            <numerusform>žemiau visų grupių (%1 &lt; %2 arba mažiau nei %Ln užsakymai)</numerusform>
            <numerusform>žemiau visų grupių (%1 &lt; %2 arba mažiau nei %Ln užsakymų)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln order(s)</source>
        <translation>
            <numerusform>%1 reikia %Ln užsakymo</numerusform>
            <numerusform>%1 reikia %Ln užsakymų</numerusform>
            <numerusform>%1 reikia %Ln užsakymų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln užsakymas</numerusform>
            <numerusform>%Ln užsakymai</numerusform>
            <numerusform>%Ln užsakymų</numerusform>
        </translation>
    </message>
    <message>
        <source>last order today</source>
        <translation>paskutinis užsakymas šiandien</translation>
    </message>
    <message numerus="yes">
        <source>last order %Ln day(s) ago</source>
        <translation>
            <numerusform>paskutinis užsakymas prieš %Ln dieną</numerusform>
            <numerusform>paskutinis užsakymas prieš %Ln dienas</numerusform>
            <numerusform>paskutinis užsakymas prieš %Ln dienų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down from %1: no order for over %Ln day(s)</source>
        <translation>
            <numerusform>nukrito iš grupės %1: neužsakė daugiau nei %Ln dieną</numerusform>
            <numerusform>nukrito iš grupės %1: neužsakė daugiau nei %Ln dienas</numerusform>
            <numerusform>nukrito iš grupės %1: neužsakė daugiau nei %Ln dienų</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Open a case</source>
        <translation>Atidaryti atvejį</translation>
    </message>
    <message>
        <source>Product code or description</source>
        <translation>Prekės kodas arba aprašymas</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Prekė</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Gedimas</translation>
    </message>
    <message>
        <source>What is wrong, in the customer&apos;s words</source>
        <translation>Kas negerai, kliento žodžiais</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Aprašymas</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Atidaryti atvejį</translation>
    </message>
    <message>
        <source>Pick or type the product first.</source>
        <translation>Pirmiausia pasirinkite arba įveskite prekę.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Atidaroma…</translation>
    </message>
    <message>
        <source>This call already has a case for that product.</source>
        <translation>Šiam skambučiui jau yra atvejis dėl šios prekės.</translation>
    </message>
    <message>
        <source>Case not opened: %1</source>
        <translation>Atvejis neatidarytas: %1</translation>
    </message>
    <message>
        <source>%1 · %2: at the service desk</source>
        <translation>%1 · %2: aptarnavimo skyriuje</translation>
    </message>
    <message>
        <source>%1 · %2: queued, sent as soon as the service desk answers</source>
        <translation>%1 · %2: eilėje, bus išsiųsta, kai tik aptarnavimo skyrius atsakys</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Cases</source>
        <translation>Atvejai</translation>
    </message>
    <message numerus="yes">
        <source>and %n more cases</source>
        <translation>
            <numerusform>ir dar %n atvejis</numerusform>
            <numerusform>ir dar %n atvejai</numerusform>
            <numerusform>ir dar %n atvejų</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eilėje</translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>atidarytas %1</translation>
    </message>
    <message>
        <source>not at the service desk yet</source>
        <translation>dar ne aptarnavimo skyriuje</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Naujas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Atviras</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Vykdomas</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Laukia</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Sustabdytas</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Išspręstas</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Uždarytas</translation>
    </message>
    <message>
        <source>In warranty until %1</source>
        <translation>Garantija galioja iki %1</translation>
    </message>
    <message>
        <source>In warranty</source>
        <translation>Garantija galioja</translation>
    </message>
    <message>
        <source>Out of warranty since %1</source>
        <translation>Garantija baigėsi %1</translation>
    </message>
    <message>
        <source>Out of warranty</source>
        <translation>Garantija pasibaigusi</translation>
    </message>
    <message>
        <source>Warranty unknown</source>
        <translation>Garantija nežinoma</translation>
    </message>
    <message>
        <source>Open case %1</source>
        <translation>Atviras atvejis %1</translation>
    </message>
</context>
<context>
    <name>CrmButton</name>
    <message>
        <source>Open in CRM</source>
        <translation>Atidaryti CRM</translation>
    </message>
    <message>
        <source>Customer page</source>
        <translation>Kliento puslapis</translation>
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
        <source>service desk</source>
        <translation>aptarnavimo skyrius</translation>
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
    <name>HistoryWords</name>
    <message>
        <source>Earlier calls</source>
        <translation>Ankstesni skambučiai</translation>
    </message>
    <message>
        <source>This desk only</source>
        <translation>Tik ši darbo vieta</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Atsiliepta</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Praleistas</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Atsiliepė kitas operatorius</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Nebaigtas</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>išspręsta</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>reikia tęsti</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>pardavimas</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>skundas</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>neteisingas numeris</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Operatorius %1</translation>
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
        <extracomment>&quot;N more ringing&quot; changes at most this often during a burst of rings. Item data role holding a match&apos;s customer id in the picker and search results.</extracomment>
        <translation>Numeris paslėptas</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <extracomment>Search results (or &quot;none found&quot;) are on show: the window may need to grow. Bumped for every call shown: a search result for an earlier one is dropped.</extracomment>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Search by number, account or name — Enter</source>
        <translation>Ieškokite pagal numerį, sąskaitą ar vardą — Enter</translation>
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
        <source>%1 loading</source>
        <translation>%1 įkeliama</translation>
    </message>
    <message>
        <source>Last known, as of %1</source>
        <translation>Paskutiniai žinomi duomenys, %1 būklė</translation>
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
    <name>SourceWords</name>
    <message>
        <source>%1 did not answer within %2 ms (stopped on the server)</source>
        <translation>%1 neatsakė per %2 ms (sustabdyta serveryje)</translation>
    </message>
    <message>
        <source>%1: the database file is locked by another program; gave up after %2 ms</source>
        <translation>%1: duomenų bazės failą užrakino kita programa; atsisakyta po %2 ms</translation>
    </message>
    <message>
        <source>%1: cannot open the database file %2 (%3)</source>
        <translation>%1: nepavyksta atidaryti duomenų bazės failo %2 (%3)</translation>
    </message>
    <message>
        <source>%1: the database file %2 does not exist</source>
        <translation>%1: duomenų bazės failo %2 nėra</translation>
    </message>
    <message>
        <source>source %1: an in-memory SQLite database is empty</source>
        <translation>šaltinis %1: atmintyje esanti SQLite duomenų bazė tuščia</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve its password</source>
        <translation>šaltinis %1: nėra raktinės, iš kurios gauti slaptažodį</translation>
    </message>
    <message>
        <source>source %1: no value for %2</source>
        <translation>šaltinis %1: nėra reikšmės: %2</translation>
    </message>
    <message>
        <source>%1: identify query returns no customer_id column</source>
        <translation>%1: atpažinimo užklausa negrąžina stulpelio customer_id</translation>
    </message>
    <message>
        <source>source %1 has no &apos;history&apos; query</source>
        <translation>šaltinis %1 neturi history užklausos</translation>
    </message>
    <message>
        <source>%1: history query lacks column %2</source>
        <translation>%1: history užklausoje nėra stulpelio %2</translation>
    </message>
    <message>
        <source>%1: column %2 holds binary data (a BLOB), not text</source>
        <translation>%1: stulpelyje %2 yra dvejetainiai duomenys (BLOB), o ne tekstas</translation>
    </message>
    <message>
        <source>%1: column %2 holds %3, not a finite number</source>
        <translation>%1: stulpelyje %2 yra %3, o ne baigtinis skaičius</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms (connection closed)</source>
        <translation>%1 neatsakė per %2 ms (ryšys nutrauktas)</translation>
    </message>
    <message>
        <source>%1: %2 failed TLS verification: its certificate is not trusted (set verify = &quot;/path/to/ca.pem&quot; for a private CA)</source>
        <translation>%1: %2 nepraėjo TLS patikros: jo sertifikatu nepasitikima (privačiai CA nustatykite verify = &quot;/path/to/ca.pem&quot;)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (%3)</source>
        <translation>%1: %2 nepasiekiamas (%3)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (connection refused: is the service running on that port?)</source>
        <translation>%1: %2 nepasiekiamas (ryšys atmestas: ar tame prievade veikia paslauga?)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (unknown host name)</source>
        <translation>%1: %2 nepasiekiamas (nežinomas serverio vardas)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (no route to host)</source>
        <translation>%1: %2 nepasiekiamas (nėra maršruto iki serverio)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the server closed the connection without answering)</source>
        <translation>%1: %2 nepasiekiamas (serveris nutraukė ryšį neatsakęs)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the connection was reset)</source>
        <translation>%1: %2 nepasiekiamas (ryšys buvo nutrauktas)</translation>
    </message>
    <message>
        <source>%1: %2 request failed (%3)</source>
        <translation>%1: užklausa į %2 nepavyko (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused our credentials (401): check the keyring entry named by auth.secret</source>
        <translation>%1: %2 atmetė mūsų prisijungimo duomenis (401): patikrinkite raktinės įrašą, nurodytą auth.secret</translation>
    </message>
    <message>
        <source>%1: %2 does not allow this (403): the account lacks permission for this resource</source>
        <translation>%1: %2 to neleidžia (403): paskyra neturi teisių šiam ištekliui</translation>
    </message>
    <message>
        <source>%1: %2 has no such resource (404): check the URL template</source>
        <translation>%1: %2 tokio ištekliaus neturi (404): patikrinkite URL šabloną</translation>
    </message>
    <message>
        <source>%1: %2 server error (%3)</source>
        <translation>%1: %2 serverio klaida (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused the request (%3)</source>
        <translation>%1: %2 atmetė užklausą (%3)</translation>
    </message>
    <message>
        <source>%1: %2 did not answer valid JSON (%3 bytes)</source>
        <translation>%1: %2 neatsakė tinkamu JSON (%3 B)</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 bytes, more than %4</source>
        <translation>%1: %2 atsakė %3 B, daugiau nei %4</translation>
    </message>
    <message>
        <source>%1: %2 answered more than %3 bytes; read stopped</source>
        <translation>%1: %2 atsakė daugiau nei %3 B; skaitymas sustabdytas</translation>
    </message>
    <message>
        <source>%1: %2 broke off its answer (%3)</source>
        <translation>%1: %2 nutraukė atsakymą (%3)</translation>
    </message>
    <message>
        <source>%1: %2 redirected to another host (%3); not followed, so that no credential or caller&apos;s number leaves the configured host</source>
        <translation>%1: %2 nukreipė į kitą serverį (%3); nukreipimo nepaisyta, kad prisijungimo duomenys ar skambintojo numeris nepaliktų nustatyto serverio</translation>
    </message>
    <message>
        <source>%1: %2 redirected more than %3 times</source>
        <translation>%1: %2 nukreipė daugiau nei %3 kartus</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve auth.secret</source>
        <translation>šaltinis %1: nėra raktinės, iš kurios gauti auth.secret</translation>
    </message>
    <message>
        <source>%1: answer is not an object; configure &apos;fields&apos;</source>
        <translation>%1: atsakymas nėra objektas; nustatykite &apos;fields&apos;</translation>
    </message>
    <message>
        <source>%1: identify answer has no customer_id at &apos;%2&apos;</source>
        <translation>%1: atpažinimo atsakyme vietoje &apos;%2&apos; nėra customer_id</translation>
    </message>
    <message>
        <source>source %1: REST sources have no purchase history</source>
        <translation>šaltinis %1: REST šaltiniai neturi pirkimų istorijos</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 at %4, not a finite number</source>
        <translation>%1: %2 vietoje %4 grąžino %3, o ne baigtinį skaičių</translation>
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
        <extracomment>``render(data, formats, card currency, previous)`` → the section&apos;s widget; ``previous`` is what the renderer returned for this box before (or None), to be filled again and returned when it is of the right kind. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
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
