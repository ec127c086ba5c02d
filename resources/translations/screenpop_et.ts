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
    <name>BusinessWords</name>
    <message>
        <source>%1 has no &apos;history&apos; query, which crosssell.per_pop = &apos;history&apos; needs</source>
        <translation>Allikal %1 puudub history-päring, mida crosssell.per_pop = &apos;history&apos; vajab</translation>
    </message>
    <message numerus="yes">
        <source>bought with %1 by %Ln customer(s)</source>
        <translation>
            <numerusform>koos tootega %1 ostis %Ln klient</numerusform>
            <numerusform>koos tootega %1 ostsid %Ln klienti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>popular with %Ln customer(s) in the last %1 days</source>
        <translation>
            <numerusform>populaarne: %Ln klient viimase %1 päeva jooksul</numerusform>
            <numerusform>populaarne: %Ln klienti viimase %1 päeva jooksul</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bought by %Ln customer(s)</source>
        <translation>
            <numerusform>ostnud %Ln klient</numerusform>
            <numerusform>ostnud %Ln klienti</numerusform>
        </translation>
    </message>
    <message>
        <source>bought once, on %1</source>
        <translation>ostetud üks kord, %1</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, due now</source>
        <translation>tellib peaaegu iga päev; viimati %1, nüüd on aeg</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, overdue</source>
        <translation>tellib peaaegu iga päev; viimati %1, hilineb</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, next around %2</source>
        <translation>tellib peaaegu iga päev; viimati %1, järgmine umbes %2</translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, due now</source>
        <translation>
            <numerusform>tellib umbes iga %Ln päeva järel; viimati %1, nüüd on aeg</numerusform>
            <numerusform>tellib umbes iga %Ln päeva järel; viimati %1, nüüd on aeg</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, overdue</source>
        <translation>
            <numerusform>tellib umbes iga %Ln päeva järel; viimati %1, hilineb</numerusform>
            <numerusform>tellib umbes iga %Ln päeva järel; viimati %1, hilineb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, next around %2</source>
        <translation>
            <numerusform>tellib umbes iga %Ln päeva järel; viimati %1, järgmine umbes %2</numerusform>
            <numerusform>tellib umbes iga %Ln päeva järel; viimati %1, järgmine umbes %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, due now</source>
        <translation>
            <numerusform>tellib umbes iga %Ln nädala järel; viimati %1, nüüd on aeg</numerusform>
            <numerusform>tellib umbes iga %Ln nädala järel; viimati %1, nüüd on aeg</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, overdue</source>
        <translation>
            <numerusform>tellib umbes iga %Ln nädala järel; viimati %1, hilineb</numerusform>
            <numerusform>tellib umbes iga %Ln nädala järel; viimati %1, hilineb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, next around %2</source>
        <translation>
            <numerusform>tellib umbes iga %Ln nädala järel; viimati %1, järgmine umbes %2</numerusform>
            <numerusform>tellib umbes iga %Ln nädala järel; viimati %1, järgmine umbes %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, due now</source>
        <translation>
            <numerusform>tellib umbes iga %Ln kuu järel; viimati %1, nüüd on aeg</numerusform>
            <numerusform>tellib umbes iga %Ln kuu järel; viimati %1, nüüd on aeg</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, overdue</source>
        <translation>
            <numerusform>tellib umbes iga %Ln kuu järel; viimati %1, hilineb</numerusform>
            <numerusform>tellib umbes iga %Ln kuu järel; viimati %1, hilineb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, next around %2</source>
        <translation>
            <numerusform>tellib umbes iga %Ln kuu järel; viimati %1, järgmine umbes %2</numerusform>
            <numerusform>tellib umbes iga %Ln kuu järel; viimati %1, järgmine umbes %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (cannot rule out: %2 not on file)</source>
        <translation>%1 (ei saa välistada: %2 puudub)</translation>
    </message>
    <message>
        <source>available credit</source>
        <translation>vaba krediit</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>saldo</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>valuuta</translation>
    </message>
    <message>
        <source>hold flag</source>
        <translation>peatamise märge</translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation>krediidilimiit</translation>
    </message>
    <message>
        <source>overdue amount</source>
        <translation>tähtaja ületanud summa</translation>
    </message>
    <message>
        <source>overdue days</source>
        <translation>viivituspäevad</translation>
    </message>
    <message>
        <source>risk grade</source>
        <translation>riskiklass</translation>
    </message>
    <message>
        <source>agreed terms</source>
        <translation>kokkulepitud maksetingimused</translation>
    </message>
    <message>
        <source>credit utilisation</source>
        <translation>krediidi kasutus</translation>
    </message>
    <message>
        <source>more generous than the agreed %1</source>
        <translation>soodsam kui kokkulepitud %1</translation>
    </message>
    <message>
        <source>agreed terms &apos;%1&apos; are not in credit.terms</source>
        <translation>kokkulepitud maksetingimusi &apos;%1&apos; pole loendis credit.terms</translation>
    </message>
    <message>
        <source>no agreed terms on file</source>
        <translation>kokkulepitud maksetingimused puuduvad</translation>
    </message>
    <message>
        <source>no credit record on file (%1)</source>
        <translation>krediidiandmed puuduvad (%1)</translation>
    </message>
    <message>
        <source>credit record (%1) is not a single record</source>
        <translation>krediidiandmed (%1) ei ole üks kirje</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) timed out</source>
        <translation>maksetingimusi ei saa kontrollida: krediidiandmed (%1) ei vastanud õigel ajal</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) unavailable</source>
        <translation>maksetingimusi ei saa kontrollida: krediidiandmed (%1) pole saadaval</translation>
    </message>
    <message>
        <source>cannot check terms: no credit record on file (%1)</source>
        <translation>maksetingimusi ei saa kontrollida: krediidiandmed puuduvad (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) is not a single record</source>
        <translation>maksetingimusi ei saa kontrollida: krediidiandmed (%1) ei ole üks kirje</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) timed out</source>
        <translation>maksetingimusi ei saa kontrollida: saldo (%1) ei vastanud õigel ajal</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) unavailable</source>
        <translation>maksetingimusi ei saa kontrollida: saldo (%1) pole saadaval</translation>
    </message>
    <message>
        <source>cannot check terms: no balance on file (%1)</source>
        <translation>maksetingimusi ei saa kontrollida: saldo puudub (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) is not a single record</source>
        <translation>maksetingimusi ei saa kontrollida: saldo (%1) ei ole üks kirje</translation>
    </message>
    <message>
        <source>cannot check terms: no balance source configured</source>
        <translation>maksetingimusi ei saa kontrollida: saldo allikat pole seadistatud</translation>
    </message>
    <message>
        <source>%1 band (%2 ≥ %3)</source>
        <translation>klass %1 (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>top %1% by revenue (%2 ≥ %3)</source>
        <translation>käibe järgi parim %1% (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>bottom %1% by revenue (%2 ≥ %3)</source>
        <translation>käibe järgi viimane %1% (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>every customer (%1 ≥ %2)</source>
        <translation>iga klient (%1 ≥ %2)</translation>
    </message>
    <message numerus="yes">
        <source>below every tier (%1 &lt; %2 or fewer than %Ln order(s))</source>
        <translation>
            <numerusform>ei küüni ühessegi klassi (%1 &lt; %2 või vähem kui %Ln tellimus)</numerusform>
            <numerusform>ei küüni ühessegi klassi (%1 &lt; %2 või vähem kui %Ln tellimust)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln order(s)</source>
        <translation>
            <numerusform>%1 nõuab %Ln tellimust</numerusform>
            <numerusform>%1 nõuab %Ln tellimust</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln tellimus</numerusform>
            <numerusform>%Ln tellimust</numerusform>
        </translation>
    </message>
    <message>
        <source>last order today</source>
        <translation>viimane tellimus täna</translation>
    </message>
    <message numerus="yes">
        <source>last order %Ln day(s) ago</source>
        <translation>
            <numerusform>viimane tellimus %Ln päev tagasi</numerusform>
            <numerusform>viimane tellimus %Ln päeva tagasi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down from %1: no order for over %Ln day(s)</source>
        <translation>
            <numerusform>langenud klassist %1: üle %Ln päeva tellimusteta</numerusform>
            <numerusform>langenud klassist %1: üle %Ln päeva tellimusteta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Open a case</source>
        <translation>Ava juhtum</translation>
    </message>
    <message>
        <source>Product code or description</source>
        <translation>Tootekood või kirjeldus</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Toode</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Viga</translation>
    </message>
    <message>
        <source>What is wrong, in the customer&apos;s words</source>
        <translation>Mis on valesti, kliendi sõnadega</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Kirjeldus</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Ava juhtum</translation>
    </message>
    <message>
        <source>Pick or type the product first.</source>
        <translation>Vali või kirjuta kõigepealt toode.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Avan…</translation>
    </message>
    <message>
        <source>This call already has a case for that product.</source>
        <translation>Sellel kõnel on selle toote kohta juba juhtum.</translation>
    </message>
    <message>
        <source>Case not opened: %1</source>
        <translation>Juhtumit ei avatud: %1</translation>
    </message>
    <message>
        <source>%1 · %2: at the service desk</source>
        <translation>%1 · %2: teeninduses</translation>
    </message>
    <message>
        <source>%1 · %2: queued, sent as soon as the service desk answers</source>
        <translation>%1 · %2: järjekorras, saadetakse kohe, kui teenindus vastab</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Cases</source>
        <translation>Juhtumid</translation>
    </message>
    <message numerus="yes">
        <source>and %n more cases</source>
        <translation>
            <numerusform>ja veel %n juhtum</numerusform>
            <numerusform>ja veel %n juhtumit</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Järjekorras</translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>avatud %1</translation>
    </message>
    <message>
        <source>not at the service desk yet</source>
        <translation>pole veel teeninduses</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Uus</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avatud</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Töös</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ootel</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Peatatud</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Lahendatud</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Suletud</translation>
    </message>
    <message>
        <source>In warranty until %1</source>
        <translation>Garantii kehtib kuni %1</translation>
    </message>
    <message>
        <source>In warranty</source>
        <translation>Garantii kehtib</translation>
    </message>
    <message>
        <source>Out of warranty since %1</source>
        <translation>Garantii lõppes %1</translation>
    </message>
    <message>
        <source>Out of warranty</source>
        <translation>Garantii lõppenud</translation>
    </message>
    <message>
        <source>Warranty unknown</source>
        <translation>Garantii teadmata</translation>
    </message>
    <message>
        <source>Open case %1</source>
        <translation>Avatud juhtum %1</translation>
    </message>
</context>
<context>
    <name>CrmButton</name>
    <message>
        <source>Open in CRM</source>
        <translation>Ava CRM-is</translation>
    </message>
    <message>
        <source>Customer page</source>
        <translation>Kliendi leht</translation>
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
        <source>service desk</source>
        <translation>teenindus</translation>
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
    <name>HistoryWords</name>
    <message>
        <source>Earlier calls</source>
        <translation>Varasemad kõned</translation>
    </message>
    <message>
        <source>This desk only</source>
        <translation>Ainult see tööjaam</translation>
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
        <translation>Vastati mujal</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Pooleli</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>lahendatud</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>järeltegevus</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>müük</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>kaebus</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>vale number</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Klienditeenindaja %1</translation>
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
        <extracomment>&quot;N more ringing&quot; changes at most this often during a burst of rings. Item data role holding a match&apos;s customer id in the picker and search results.</extracomment>
        <translation>Varjatud number</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <extracomment>Search results (or &quot;none found&quot;) are on show: the window may need to grow. Bumped for every call shown: a search result for an earlier one is dropped.</extracomment>
        <translation>Sulge</translation>
    </message>
    <message>
        <source>Search by number, account or name — Enter</source>
        <translation>Otsi numbri, kliendinumbri või nime järgi — Enter</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>Veel %Ln kõne heliseb</numerusform>
            <numerusform>Veel %Ln kõnet heliseb</numerusform>
        </translation>
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
    <name>ReordersView</name>
    <message>
        <source>Reorders</source>
        <translation>Kordustellimused</translation>
    </message>
    <message>
        <source>Bought once</source>
        <translation>Ostetud üks kord</translation>
    </message>
    <message numerus="yes">
        <source>Bought %n times</source>
        <translation>
            <numerusform>Ostetud %n kord</numerusform>
            <numerusform>Ostetud %n korda</numerusform>
        </translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Tellimise aeg</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Hilinenud</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Järgmine: %1</translation>
    </message>
    <message>
        <source>Bought once, on %1</source>
        <translation>Ostetud üks kord, %1</translation>
    </message>
    <message>
        <source>last on %1, due now</source>
        <translation>viimati %1, tellimise aeg</translation>
    </message>
    <message>
        <source>last on %1, overdue</source>
        <translation>viimati %1, hilinenud</translation>
    </message>
    <message>
        <source>last on %1, next around %2</source>
        <translation>viimati %1, järgmine umbes %2</translation>
    </message>
    <message>
        <source>Orders about daily</source>
        <translation>Tellib peaaegu iga päev</translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n days</source>
        <translation>
            <numerusform>Tellib umbes iga %n päeva järel</numerusform>
            <numerusform>Tellib umbes iga %n päeva järel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n weeks</source>
        <translation>
            <numerusform>Tellib umbes iga %n nädala järel</numerusform>
            <numerusform>Tellib umbes iga %n nädala järel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n months</source>
        <translation>
            <numerusform>Tellib umbes iga %n kuu järel</numerusform>
            <numerusform>Tellib umbes iga %n kuu järel</numerusform>
        </translation>
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
        <source>%1 loading</source>
        <translation>%1 laaditakse</translation>
    </message>
    <message>
        <source>Last known, as of %1</source>
        <translation>Viimati teada, seisuga %1</translation>
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
    <name>SourceWords</name>
    <message>
        <source>%1 did not answer within %2 ms (stopped on the server)</source>
        <translation>%1 ei vastanud %2 ms jooksul (peatati serveris)</translation>
    </message>
    <message>
        <source>%1: the database file is locked by another program; gave up after %2 ms</source>
        <translation>%1: andmebaasifail on teise programmi poolt lukus; loobuti %2 ms pärast</translation>
    </message>
    <message>
        <source>%1: cannot open the database file %2 (%3)</source>
        <translation>%1: andmebaasifaili %2 ei saa avada (%3)</translation>
    </message>
    <message>
        <source>%1: the database file %2 does not exist</source>
        <translation>%1: andmebaasifaili %2 pole olemas</translation>
    </message>
    <message>
        <source>source %1: an in-memory SQLite database is empty</source>
        <translation>allikas %1: mälus olev SQLite&apos;i andmebaas on tühi</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve its password</source>
        <translation>allikas %1: võtmehoidlat pole, parooli ei saa kätte</translation>
    </message>
    <message>
        <source>source %1: no value for %2</source>
        <translation>allikas %1: väärtus puudub: %2</translation>
    </message>
    <message>
        <source>%1: identify query returns no customer_id column</source>
        <translation>%1: tuvastuspäring ei tagasta veergu customer_id</translation>
    </message>
    <message>
        <source>source %1 has no &apos;history&apos; query</source>
        <translation>allikal %1 puudub history-päring</translation>
    </message>
    <message>
        <source>%1: history query lacks column %2</source>
        <translation>%1: history-päringul puudub veerg %2</translation>
    </message>
    <message>
        <source>%1: column %2 holds binary data (a BLOB), not text</source>
        <translation>%1: veerus %2 on binaarandmed (BLOB), mitte tekst</translation>
    </message>
    <message>
        <source>%1: column %2 holds %3, not a finite number</source>
        <translation>%1: veerus %2 on %3, mitte lõplik arv</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms (connection closed)</source>
        <translation>%1 ei vastanud %2 ms jooksul (ühendus suleti)</translation>
    </message>
    <message>
        <source>%1: %2 failed TLS verification: its certificate is not trusted (set verify = &quot;/path/to/ca.pem&quot; for a private CA)</source>
        <translation>%1: %2 ei läbinud TLS-kontrolli: selle sertifikaati ei usaldata (oma sertifitseerija jaoks määra verify = &quot;/path/to/ca.pem&quot;)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (%3)</source>
        <translation>%1: %2 pole kättesaadav (%3)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (connection refused: is the service running on that port?)</source>
        <translation>%1: %2 pole kättesaadav (ühendusest keelduti: kas teenus selles pordis töötab?)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (unknown host name)</source>
        <translation>%1: %2 pole kättesaadav (tundmatu hostinimi)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (no route to host)</source>
        <translation>%1: %2 pole kättesaadav (marsruut hostini puudub)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the server closed the connection without answering)</source>
        <translation>%1: %2 pole kättesaadav (server sulges ühenduse vastamata)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the connection was reset)</source>
        <translation>%1: %2 pole kättesaadav (ühendus lähtestati)</translation>
    </message>
    <message>
        <source>%1: %2 request failed (%3)</source>
        <translation>%1: päring aadressile %2 ebaõnnestus (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused our credentials (401): check the keyring entry named by auth.secret</source>
        <translation>%1: %2 lükkas meie volitused tagasi (401): kontrolli võtmehoidla kirjet, mille nimetab auth.secret</translation>
    </message>
    <message>
        <source>%1: %2 does not allow this (403): the account lacks permission for this resource</source>
        <translation>%1: %2 ei luba seda (403): kontol pole sellele ressursile õigust</translation>
    </message>
    <message>
        <source>%1: %2 has no such resource (404): check the URL template</source>
        <translation>%1: aadressil %2 sellist ressurssi pole (404): kontrolli URL-malli</translation>
    </message>
    <message>
        <source>%1: %2 server error (%3)</source>
        <translation>%1: %2 serveri viga (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused the request (%3)</source>
        <translation>%1: %2 lükkas päringu tagasi (%3)</translation>
    </message>
    <message>
        <source>%1: %2 did not answer valid JSON (%3 bytes)</source>
        <translation>%1: %2 ei vastanud kehtiva JSONiga (%3 baiti)</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 bytes, more than %4</source>
        <translation>%1: %2 vastas %3 baiti, rohkem kui %4</translation>
    </message>
    <message>
        <source>%1: %2 answered more than %3 bytes; read stopped</source>
        <translation>%1: %2 vastas üle %3 baidi; lugemine peatati</translation>
    </message>
    <message>
        <source>%1: %2 broke off its answer (%3)</source>
        <translation>%1: %2 katkestas vastuse (%3)</translation>
    </message>
    <message>
        <source>%1: %2 redirected to another host (%3); not followed, so that no credential or caller&apos;s number leaves the configured host</source>
        <translation>%1: %2 suunas teisele hostile (%3); suunamist ei järgitud, et ükski volitus ega helistaja number ei lahkuks seadistatud hostist</translation>
    </message>
    <message>
        <source>%1: %2 redirected more than %3 times</source>
        <translation>%1: %2 suunas edasi üle %3 korra</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve auth.secret</source>
        <translation>allikas %1: võtmehoidlat pole, auth.secret&apos;i ei saa kätte</translation>
    </message>
    <message>
        <source>%1: answer is not an object; configure &apos;fields&apos;</source>
        <translation>%1: vastus pole objekt; seadista &apos;fields&apos;</translation>
    </message>
    <message>
        <source>%1: identify answer has no customer_id at &apos;%2&apos;</source>
        <translation>%1: tuvastusvastuses pole kohas &apos;%2&apos; väärtust customer_id</translation>
    </message>
    <message>
        <source>source %1: REST sources have no purchase history</source>
        <translation>allikas %1: REST-allikatel pole ostuajalugu</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 at %4, not a finite number</source>
        <translation>%1: %2 andis kohas %4 väärtuse %3, mitte lõpliku arvu</translation>
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
        <extracomment>``render(data, formats, card currency, previous)`` → the section&apos;s widget; ``previous`` is what the renderer returned for this box before (or None), to be filled again and returned when it is of the right kind. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
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
