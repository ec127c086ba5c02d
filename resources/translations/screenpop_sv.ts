<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>AccountViews</name>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>förfallet sedan %Ln dag</numerusform>
            <numerusform>förfallet sedan %Ln dagar</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Förfallet</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Inget förfallet</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Kreditspärr</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Kreditgräns</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Tillgängligt</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>Riskklass</translation>
    </message>
    <message>
        <source>May offer</source>
        <translation>Får erbjudas</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Betalningsvillkor</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Inte tillåtet</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>Värdenivå</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Livstidsvärde</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Ordrar</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Senaste order</translation>
    </message>
</context>
<context>
    <name>BusinessWords</name>
    <message>
        <source>%1 has no &apos;history&apos; query, which crosssell.per_pop = &apos;history&apos; needs</source>
        <translation>%1 saknar history-frågan som crosssell.per_pop = &apos;history&apos; behöver</translation>
    </message>
    <message numerus="yes">
        <source>bought with %1 by %Ln customer(s)</source>
        <translation>
            <numerusform>köpt med %1 av %Ln kund</numerusform>
            <numerusform>köpt med %1 av %Ln kunder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>popular with %Ln customer(s) in the last %1 days</source>
        <translation>
            <numerusform>populär hos %Ln kund de senaste %1 dagarna</numerusform>
            <numerusform>populär hos %Ln kunder de senaste %1 dagarna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bought by %Ln customer(s)</source>
        <translation>
            <numerusform>köpt av %Ln kund</numerusform>
            <numerusform>köpt av %Ln kunder</numerusform>
        </translation>
    </message>
    <message>
        <source>bought once, on %1</source>
        <translation>köpt en gång, %1</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, due now</source>
        <translation>beställer nästan dagligen; senast %1, dags nu</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, overdue</source>
        <translation>beställer nästan dagligen; senast %1, försenad</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, next around %2</source>
        <translation>beställer nästan dagligen; senast %1, nästa omkring %2</translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, due now</source>
        <translation>
            <numerusform>beställer med ungefär %Ln dags mellanrum; senast %1, dags nu</numerusform>
            <numerusform>beställer med ungefär %Ln dagars mellanrum; senast %1, dags nu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, overdue</source>
        <translation>
            <numerusform>beställer med ungefär %Ln dags mellanrum; senast %1, försenad</numerusform>
            <numerusform>beställer med ungefär %Ln dagars mellanrum; senast %1, försenad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, next around %2</source>
        <translation>
            <numerusform>beställer med ungefär %Ln dags mellanrum; senast %1, nästa omkring %2</numerusform>
            <numerusform>beställer med ungefär %Ln dagars mellanrum; senast %1, nästa omkring %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, due now</source>
        <translation>
            <numerusform>beställer med ungefär %Ln veckas mellanrum; senast %1, dags nu</numerusform>
            <numerusform>beställer med ungefär %Ln veckors mellanrum; senast %1, dags nu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, overdue</source>
        <translation>
            <numerusform>beställer med ungefär %Ln veckas mellanrum; senast %1, försenad</numerusform>
            <numerusform>beställer med ungefär %Ln veckors mellanrum; senast %1, försenad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, next around %2</source>
        <translation>
            <numerusform>beställer med ungefär %Ln veckas mellanrum; senast %1, nästa omkring %2</numerusform>
            <numerusform>beställer med ungefär %Ln veckors mellanrum; senast %1, nästa omkring %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, due now</source>
        <translation>
            <numerusform>beställer med ungefär %Ln månads mellanrum; senast %1, dags nu</numerusform>
            <numerusform>beställer med ungefär %Ln månaders mellanrum; senast %1, dags nu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, overdue</source>
        <translation>
            <numerusform>beställer med ungefär %Ln månads mellanrum; senast %1, försenad</numerusform>
            <numerusform>beställer med ungefär %Ln månaders mellanrum; senast %1, försenad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, next around %2</source>
        <translation>
            <numerusform>beställer med ungefär %Ln månads mellanrum; senast %1, nästa omkring %2</numerusform>
            <numerusform>beställer med ungefär %Ln månaders mellanrum; senast %1, nästa omkring %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (cannot rule out: %2 not on file)</source>
        <translation>%1 (kan inte uteslutas: %2 saknas)</translation>
    </message>
    <message>
        <source>available credit</source>
        <translation>tillgänglig kredit</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>saldo</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>valuta</translation>
    </message>
    <message>
        <source>hold flag</source>
        <translation>spärrmarkering</translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation>kreditgräns</translation>
    </message>
    <message>
        <source>overdue amount</source>
        <translation>förfallet belopp</translation>
    </message>
    <message>
        <source>overdue days</source>
        <translation>dagar efter förfallodag</translation>
    </message>
    <message>
        <source>risk grade</source>
        <translation>riskklass</translation>
    </message>
    <message>
        <source>agreed terms</source>
        <translation>avtalade betalningsvillkor</translation>
    </message>
    <message>
        <source>credit utilisation</source>
        <translation>kreditutnyttjande</translation>
    </message>
    <message>
        <source>more generous than the agreed %1</source>
        <translation>generösare än avtalade %1</translation>
    </message>
    <message>
        <source>agreed terms &apos;%1&apos; are not in credit.terms</source>
        <translation>de avtalade villkoren &apos;%1&apos; finns inte i credit.terms</translation>
    </message>
    <message>
        <source>no agreed terms on file</source>
        <translation>inga avtalade betalningsvillkor finns</translation>
    </message>
    <message>
        <source>no credit record on file (%1)</source>
        <translation>ingen kreditpost finns (%1)</translation>
    </message>
    <message>
        <source>credit record (%1) is not a single record</source>
        <translation>kreditposten (%1) är inte en enda post</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) timed out</source>
        <translation>villkoren kan inte kontrolleras: kreditposten (%1) svarade inte i tid</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) unavailable</source>
        <translation>villkoren kan inte kontrolleras: kreditposten (%1) är inte tillgänglig</translation>
    </message>
    <message>
        <source>cannot check terms: no credit record on file (%1)</source>
        <translation>villkoren kan inte kontrolleras: ingen kreditpost finns (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) is not a single record</source>
        <translation>villkoren kan inte kontrolleras: kreditposten (%1) är inte en enda post</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) timed out</source>
        <translation>villkoren kan inte kontrolleras: saldot (%1) svarade inte i tid</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) unavailable</source>
        <translation>villkoren kan inte kontrolleras: saldot (%1) är inte tillgängligt</translation>
    </message>
    <message>
        <source>cannot check terms: no balance on file (%1)</source>
        <translation>villkoren kan inte kontrolleras: inget saldo finns (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) is not a single record</source>
        <translation>villkoren kan inte kontrolleras: saldot (%1) är inte en enda post</translation>
    </message>
    <message>
        <source>cannot check terms: no balance source configured</source>
        <translation>villkoren kan inte kontrolleras: ingen saldokälla är inställd</translation>
    </message>
    <message>
        <source>%1 band (%2 ≥ %3)</source>
        <translation>nivå %1 (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>top %1% by revenue (%2 ≥ %3)</source>
        <translation>översta %1 % efter omsättning (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>bottom %1% by revenue (%2 ≥ %3)</source>
        <translation>nedersta %1 % efter omsättning (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>every customer (%1 ≥ %2)</source>
        <translation>varje kund (%1 ≥ %2)</translation>
    </message>
    <message numerus="yes">
        <source>below every tier (%1 &lt; %2 or fewer than %Ln order(s))</source>
        <translation>
            <numerusform>under alla nivåer (%1 &lt; %2 eller färre än %Ln order)</numerusform>
            <numerusform>under alla nivåer (%1 &lt; %2 eller färre än %Ln order)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln order(s)</source>
        <translation>
            <numerusform>%1 kräver %Ln order</numerusform>
            <numerusform>%1 kräver %Ln order</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln order</numerusform>
        </translation>
    </message>
    <message>
        <source>last order today</source>
        <translation>senaste order i dag</translation>
    </message>
    <message numerus="yes">
        <source>last order %Ln day(s) ago</source>
        <translation>
            <numerusform>senaste order för %Ln dag sedan</numerusform>
            <numerusform>senaste order för %Ln dagar sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down from %1: no order for over %Ln day(s)</source>
        <translation>
            <numerusform>nedflyttad från %1: ingen order på över %Ln dag</numerusform>
            <numerusform>nedflyttad från %1: ingen order på över %Ln dagar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Open a case</source>
        <translation>Öppna ett ärende</translation>
    </message>
    <message>
        <source>Product code or description</source>
        <translation>Produktkod eller beskrivning</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>What is wrong, in the customer&apos;s words</source>
        <translation>Vad som är fel, med kundens ord</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Öppna ärende</translation>
    </message>
    <message>
        <source>Pick or type the product first.</source>
        <translation>Välj eller skriv produkten först.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Öppnar…</translation>
    </message>
    <message>
        <source>This call already has a case for that product.</source>
        <translation>Det här samtalet har redan ett ärende för den produkten.</translation>
    </message>
    <message>
        <source>Case not opened: %1</source>
        <translation>Ärendet öppnades inte: %1</translation>
    </message>
    <message>
        <source>%1 · %2: at the service desk</source>
        <translation>%1 · %2: hos servicedesken</translation>
    </message>
    <message>
        <source>%1 · %2: queued, sent as soon as the service desk answers</source>
        <translation>%1 · %2: i kö, skickas så snart servicedesken svarar</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message numerus="yes">
        <source>and %n more cases</source>
        <translation>
            <numerusform>och %n ärende till</numerusform>
            <numerusform>och %n ärenden till</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>I kö</translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>öppnat %1</translation>
    </message>
    <message>
        <source>not at the service desk yet</source>
        <translation>inte hos servicedesken än</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Pausad</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängd</translation>
    </message>
    <message>
        <source>In warranty until %1</source>
        <translation>Garanti till och med %1</translation>
    </message>
    <message>
        <source>In warranty</source>
        <translation>Under garanti</translation>
    </message>
    <message>
        <source>Out of warranty since %1</source>
        <translation>Garantin gick ut %1</translation>
    </message>
    <message>
        <source>Out of warranty</source>
        <translation>Garantin har gått ut</translation>
    </message>
    <message>
        <source>Warranty unknown</source>
        <translation>Garanti okänd</translation>
    </message>
    <message>
        <source>Open case %1</source>
        <translation>Öppet ärende %1</translation>
    </message>
</context>
<context>
    <name>CrmButton</name>
    <message>
        <source>Open in CRM</source>
        <translation>Öppna i CRM</translation>
    </message>
    <message>
        <source>Customer page</source>
        <translation>Kundsida</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>connecting</source>
        <extracomment>What the core calls its journals (``AgentCore.journal_healths``).</extracomment>
        <translation>ansluter</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>lyssnar</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>försöker igen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fungerar inte</translation>
    </message>
    <message>
        <source>local journal</source>
        <translation>lokal samtalslogg</translation>
    </message>
    <message>
        <source>central journal</source>
        <translation>central samtalslogg</translation>
    </message>
    <message>
        <source>service desk</source>
        <translation>servicedesk</translation>
    </message>
    <message>
        <source>no bridges configured</source>
        <translation>inga telefonikopplingar konfigurerade</translation>
    </message>
    <message>
        <source>screenpop — no bridges configured</source>
        <translation>screenpop — inga telefonikopplingar konfigurerade</translation>
    </message>
    <message>
        <source>screenpop — ready: %1</source>
        <translation>screenpop — redo: %1</translation>
    </message>
    <message>
        <source>screenpop — no calls from %1</source>
        <translation>screenpop — inga samtal från %1</translation>
    </message>
    <message>
        <source>sources failing: %1</source>
        <translation>datakällor svarar inte: %1</translation>
    </message>
    <message>
        <source>journal cannot write: calls and wrap-ups are kept and retried</source>
        <translation>samtalsloggen kan inte skriva: samtal och efterarbete sparas undan och skrivs igen</translation>
    </message>
    <message>
        <source>central journal unreachable: calls are kept on this PC and sent later</source>
        <translation>den centrala samtalsloggen går inte att nå: samtalen sparas på den här datorn och skickas senare</translation>
    </message>
    <message>
        <source>Call bridges:</source>
        <translation>Telefonikopplingar:</translation>
    </message>
    <message>
        <source>Data sources:</source>
        <translation>Datakällor:</translation>
    </message>
    <message>
        <source>Journal:</source>
        <translation>Samtalslogg:</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <source>Earlier calls</source>
        <translation>Tidigare samtal</translation>
    </message>
    <message>
        <source>This desk only</source>
        <translation>Endast den här arbetsplatsen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarat</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missat</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Besvarat av annan</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Ej avslutat</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>löst</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>försäljning</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>klagomål</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>fel nummer</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Handläggare %1</translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>Notes for this call…</source>
        <extracomment>Pause in typing after which a draft is saved; short enough to lose little. Calls whose notes the pop remembers for their wrap-up (the journal keeps all). The agent clicked into the field (the pop may take focus now).</extracomment>
        <translation>Anteckningar om samtalet…</translation>
    </message>
</context>
<context>
    <name>PopFooter</name>
    <message>
        <source>Wrap up</source>
        <translation>Efterarbete</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>PopHeader</name>
    <message>
        <source>Number withheld</source>
        <extracomment>&quot;N more ringing&quot; changes at most this often during a burst of rings. Item data role holding a match&apos;s customer id in the picker and search results.</extracomment>
        <translation>Dolt nummer</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <extracomment>Search results (or &quot;none found&quot;) are on show: the window may need to grow. Bumped for every call shown: a search result for an earlier one is dropped.</extracomment>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Search by number, account or name — Enter</source>
        <translation>Sök på nummer, kundnummer eller namn — Enter</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>%Ln samtal till ringer</numerusform>
            <numerusform>%Ln samtal till ringer</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>Kund %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) share this number</source>
        <translation>
            <numerusform>%Ln kund har det här numret</numerusform>
            <numerusform>%Ln kunder delar det här numret</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose who is calling:</source>
        <translation>Välj vem som ringer:</translation>
    </message>
    <message>
        <source>Caller not identified</source>
        <translation>Uppringaren kunde inte identifieras</translation>
    </message>
    <message>
        <source>%1 could not be searched: %2</source>
        <translation>Det gick inte att söka i %1: %2</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Okänd uppringare</translation>
    </message>
    <message>
        <source>No customer matched this number</source>
        <translation>Ingen kund matchade numret</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>Ingen kund hittades</translation>
    </message>
    <message numerus="yes">
        <source>Choose a customer (%Ln match(es))…</source>
        <translation>
            <numerusform>Välj kund (%Ln träff)…</numerusform>
            <numerusform>Välj kund (%Ln träffar)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Sökningen misslyckades: %1</translation>
    </message>
    <message>
        <source>Opening customer…</source>
        <translation>Öppnar kunden…</translation>
    </message>
</context>
<context>
    <name>PopWindow</name>
    <message>
        <source>Ringing</source>
        <translation>Ringer</translation>
    </message>
    <message>
        <source>On call</source>
        <extracomment>While the agent points at or types in a lingering pop, look again this often. After the shown caller hangs up, the next waiting caller comes forward this much later: when callers hang up one after another (the end of a burst) the pop moves once, not once per hang-up, and the agent sees what ended. The agent wants to wrap up ``call_id``; carries the pop&apos;s notes. Ringing calls behind the shown one, oldest first.</extracomment>
        <translation>I samtal</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Besvarat av annan</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missat</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Återöppnat</translation>
    </message>
    <message>
        <source>Reopened · %1</source>
        <translation>Återöppnat · %1</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <source>no answer within %1 ms</source>
        <translation>inget svar inom %1 ms</translation>
    </message>
    <message>
        <source>no answer within %1 ms (abandoned; could not be stopped)</source>
        <translation>inget svar inom %1 ms (övergiven; gick inte att stoppa)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is failing (%Ln error(s) in a row); retrying in %2 s</source>
        <translation>
            <numerusform>%1 fungerar inte (%Ln fel i rad); nytt försök om %2 s</numerusform>
            <numerusform>%1 fungerar inte (%Ln fel i rad); nytt försök om %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered something a card cannot hold: %2</source>
        <translation>%1 svarade med något som kortet inte kan visa: %2</translation>
    </message>
    <message>
        <source>%1: internal error (%2)</source>
        <translation>%1: internt fel (%2)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>inget svar</translation>
    </message>
    <message>
        <source>cross-sell model unusable: %1</source>
        <translation>modellen för merförsäljning går inte att använda: %1</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <source>ringing</source>
        <translation>ringer</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>besvarat</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>avslutat</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missat</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>dolt</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>besvarat av annan</translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation>besvarat av %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Utfall</translation>
    </message>
</context>
<context>
    <name>RecentCallsView</name>
    <message>
        <source>Open card</source>
        <extracomment>Columns sized to their content; the customer column takes what is left. Room around a cell&apos;s text and a header&apos;s title (and its sort arrow). New rows are in and the columns fitted (the window may want to be wider).</extracomment>
        <translation>Öppna kort</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Efterarbete</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
</context>
<context>
    <name>RecentWindow</name>
    <message>
        <source>screenpop — recent calls</source>
        <translation>screenpop — senaste samtal</translation>
    </message>
</context>
<context>
    <name>ReordersView</name>
    <message>
        <source>Reorders</source>
        <translation>Återköp</translation>
    </message>
    <message>
        <source>Bought once</source>
        <translation>Köpt en gång</translation>
    </message>
    <message numerus="yes">
        <source>Bought %n times</source>
        <translation>
            <numerusform>Köpt %n gång</numerusform>
            <numerusform>Köpt %n gånger</numerusform>
        </translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Dags nu</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Nästa: %1</translation>
    </message>
    <message>
        <source>Bought once, on %1</source>
        <translation>Köpt en gång, %1</translation>
    </message>
    <message>
        <source>last on %1, due now</source>
        <translation>senast %1, dags nu</translation>
    </message>
    <message>
        <source>last on %1, overdue</source>
        <translation>senast %1, försenad</translation>
    </message>
    <message>
        <source>last on %1, next around %2</source>
        <translation>senast %1, nästa runt %2</translation>
    </message>
    <message>
        <source>Orders about daily</source>
        <translation>Beställer nästan dagligen</translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n days</source>
        <translation>
            <numerusform>Beställer ungefär var %n:e dag</numerusform>
            <numerusform>Beställer ungefär var %n:e dag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n weeks</source>
        <translation>
            <numerusform>Beställer ungefär var %n:e vecka</numerusform>
            <numerusform>Beställer ungefär var %n:e vecka</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n months</source>
        <translation>
            <numerusform>Beställer ungefär var %n:e månad</numerusform>
            <numerusform>Beställer ungefär var %n:e månad</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SalesViews</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
</context>
<context>
    <name>SectionBox</name>
    <message>
        <source>Timed out — %1</source>
        <translation>Tidsgränsen överskreds — %1</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Tidsgränsen överskreds</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ingen orsak angiven</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>Inte tillgängligt: %1</translation>
    </message>
    <message>
        <source>Nothing on file</source>
        <translation>Inga uppgifter</translation>
    </message>
    <message>
        <source>%1 loading</source>
        <translation>%1 läses in</translation>
    </message>
    <message>
        <source>Last known, as of %1</source>
        <translation>Senast kända, per %1</translation>
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
        <translation>Senaste köp</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Föreslå</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kredit</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>Kundvärde</translation>
    </message>
</context>
<context>
    <name>SourceWords</name>
    <message>
        <source>%1 did not answer within %2 ms (stopped on the server)</source>
        <translation>%1 svarade inte inom %2 ms (stoppad på servern)</translation>
    </message>
    <message>
        <source>%1: the database file is locked by another program; gave up after %2 ms</source>
        <translation>%1: databasfilen är låst av ett annat program; gav upp efter %2 ms</translation>
    </message>
    <message>
        <source>%1: cannot open the database file %2 (%3)</source>
        <translation>%1: kan inte öppna databasfilen %2 (%3)</translation>
    </message>
    <message>
        <source>%1: the database file %2 does not exist</source>
        <translation>%1: databasfilen %2 finns inte</translation>
    </message>
    <message>
        <source>source %1: an in-memory SQLite database is empty</source>
        <translation>källa %1: en SQLite-databas i minnet är tom</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve its password</source>
        <translation>källa %1: ingen nyckelring att hämta lösenordet från</translation>
    </message>
    <message>
        <source>source %1: no value for %2</source>
        <translation>källa %1: inget värde för %2</translation>
    </message>
    <message>
        <source>%1: identify query returns no customer_id column</source>
        <translation>%1: identifieringsfrågan returnerar ingen kolumn customer_id</translation>
    </message>
    <message>
        <source>source %1 has no &apos;history&apos; query</source>
        <translation>källan %1 har ingen history-fråga</translation>
    </message>
    <message>
        <source>%1: history query lacks column %2</source>
        <translation>%1: history-frågan saknar kolumnen %2</translation>
    </message>
    <message>
        <source>%1: column %2 holds binary data (a BLOB), not text</source>
        <translation>%1: kolumnen %2 innehåller binärdata (en BLOB), inte text</translation>
    </message>
    <message>
        <source>%1: column %2 holds %3, not a finite number</source>
        <translation>%1: kolumnen %2 innehåller %3, inte ett ändligt tal</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms (connection closed)</source>
        <translation>%1 svarade inte inom %2 ms (anslutningen stängd)</translation>
    </message>
    <message>
        <source>%1: %2 failed TLS verification: its certificate is not trusted (set verify = &quot;/path/to/ca.pem&quot; for a private CA)</source>
        <translation>%1: %2 klarade inte TLS-kontrollen: certifikatet är inte betrott (ange verify = &quot;/path/to/ca.pem&quot; för en egen CA)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (%3)</source>
        <translation>%1: %2 går inte att nå (%3)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (connection refused: is the service running on that port?)</source>
        <translation>%1: %2 går inte att nå (anslutningen nekades: körs tjänsten på den porten?)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (unknown host name)</source>
        <translation>%1: %2 går inte att nå (okänt värdnamn)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (no route to host)</source>
        <translation>%1: %2 går inte att nå (ingen väg till värden)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the server closed the connection without answering)</source>
        <translation>%1: %2 går inte att nå (servern stängde anslutningen utan att svara)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the connection was reset)</source>
        <translation>%1: %2 går inte att nå (anslutningen återställdes)</translation>
    </message>
    <message>
        <source>%1: %2 request failed (%3)</source>
        <translation>%1: begäran till %2 misslyckades (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused our credentials (401): check the keyring entry named by auth.secret</source>
        <translation>%1: %2 nekade våra inloggningsuppgifter (401): kontrollera nyckelringsposten som auth.secret anger</translation>
    </message>
    <message>
        <source>%1: %2 does not allow this (403): the account lacks permission for this resource</source>
        <translation>%1: %2 tillåter inte detta (403): kontot saknar behörighet till resursen</translation>
    </message>
    <message>
        <source>%1: %2 has no such resource (404): check the URL template</source>
        <translation>%1: %2 har ingen sådan resurs (404): kontrollera URL-mallen</translation>
    </message>
    <message>
        <source>%1: %2 server error (%3)</source>
        <translation>%1: %2 serverfel (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused the request (%3)</source>
        <translation>%1: %2 avvisade begäran (%3)</translation>
    </message>
    <message>
        <source>%1: %2 did not answer valid JSON (%3 bytes)</source>
        <translation>%1: %2 svarade inte med giltig JSON (%3 byte)</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 bytes, more than %4</source>
        <translation>%1: %2 svarade med %3 byte, mer än %4</translation>
    </message>
    <message>
        <source>%1: %2 answered more than %3 bytes; read stopped</source>
        <translation>%1: %2 svarade med mer än %3 byte; läsningen stoppades</translation>
    </message>
    <message>
        <source>%1: %2 broke off its answer (%3)</source>
        <translation>%1: %2 avbröt sitt svar (%3)</translation>
    </message>
    <message>
        <source>%1: %2 redirected to another host (%3); not followed, so that no credential or caller&apos;s number leaves the configured host</source>
        <translation>%1: %2 omdirigerade till en annan värd (%3); följdes inte, så att inga inloggningsuppgifter eller uppringarens nummer lämnar den inställda värden</translation>
    </message>
    <message>
        <source>%1: %2 redirected more than %3 times</source>
        <translation>%1: %2 omdirigerade fler än %3 gånger</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve auth.secret</source>
        <translation>källa %1: ingen nyckelring att hämta auth.secret från</translation>
    </message>
    <message>
        <source>%1: answer is not an object; configure &apos;fields&apos;</source>
        <translation>%1: svaret är inte ett objekt; ställ in &apos;fields&apos;</translation>
    </message>
    <message>
        <source>%1: identify answer has no customer_id at &apos;%2&apos;</source>
        <translation>%1: identifieringssvaret har inget customer_id vid &apos;%2&apos;</translation>
    </message>
    <message>
        <source>source %1: REST sources have no purchase history</source>
        <translation>källa %1: REST-källor har ingen köphistorik</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 at %4, not a finite number</source>
        <translation>%1: %2 svarade %3 vid %4, inte ett ändligt tal</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open current card</source>
        <translation>Öppna aktuellt kort</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Senaste samtal</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
</context>
<context>
    <name>UiController</name>
    <message>
        <source>Recent calls not loaded: %1</source>
        <extracomment>Calls move in bursts (ring, identified, answered...); one refresh per burst. Jobs at once: a save waiting on the journal, a search, a re-lookup, the list. Something the agent should know (dial failed, card gone): one line.</extracomment>
        <translation>De senaste samtalen kunde inte läsas in: %1</translation>
    </message>
    <message>
        <source>No bridge can place calls; dial the number on the phone</source>
        <translation>Ingen telefonikoppling kan ringa upp; slå numret på telefonen</translation>
    </message>
</context>
<context>
    <name>ViewWords</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <extracomment>``render(data, formats, card currency, previous)`` → the section&apos;s widget; ``previous`` is what the renderer returned for this box before (or None), to be filled again and returned when it is of the right kind. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
        <translation>
            <numerusform>och %Ln till</numerusform>
            <numerusform>och %Ln till</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WrapupDialog</name>
    <message>
        <source>Wrap up — %1</source>
        <extracomment>The journal has the wrap-up (call id); the dialog closes. The journal cannot write now; the core keeps the wrap-up and retries (call id). Results of a save still running are dropped once the dialog is gone.</extracomment>
        <translation>Efterarbete — %1</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Efterarbete</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>The journal cannot write right now. This wrap-up is kept and will be saved as soon as the journal can write again.</source>
        <translation>Samtalsloggen kan inte skriva just nu. Efterarbetet är sparat undan och skrivs så snart samtalsloggen fungerar igen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
</context>
</TS>
