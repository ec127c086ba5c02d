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
    <name>BusinessWords</name>
    <message>
        <source>%1 has no &apos;history&apos; query, which crosssell.per_pop = &apos;history&apos; needs</source>
        <translation>Lähteellä %1 ei ole history-kyselyä, jota crosssell.per_pop = &apos;history&apos; tarvitsee</translation>
    </message>
    <message numerus="yes">
        <source>bought with %1 by %Ln customer(s)</source>
        <translation>
            <numerusform>%Ln asiakas osti tuotteen %1 kanssa</numerusform>
            <numerusform>%Ln asiakasta osti tuotteen %1 kanssa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>popular with %Ln customer(s) in the last %1 days</source>
        <translation>
            <numerusform>suosittu: %Ln asiakas viimeisten %1 päivän aikana</numerusform>
            <numerusform>suosittu: %Ln asiakasta viimeisten %1 päivän aikana</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bought by %Ln customer(s)</source>
        <translation>
            <numerusform>ostanut %Ln asiakas</numerusform>
            <numerusform>ostanut %Ln asiakasta</numerusform>
        </translation>
    </message>
    <message>
        <source>bought once, on %1</source>
        <translation>ostettu kerran, %1</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, due now</source>
        <translation>tilaa lähes päivittäin; viimeksi %1, tilaus nyt ajankohtainen</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, overdue</source>
        <translation>tilaa lähes päivittäin; viimeksi %1, tilaus myöhässä</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, next around %2</source>
        <translation>tilaa lähes päivittäin; viimeksi %1, seuraava noin %2</translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, due now</source>
        <translation>
            <numerusform>tilaa noin %Ln päivän välein; viimeksi %1, tilaus nyt ajankohtainen</numerusform>
            <numerusform>tilaa noin %Ln päivän välein; viimeksi %1, tilaus nyt ajankohtainen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, overdue</source>
        <translation>
            <numerusform>tilaa noin %Ln päivän välein; viimeksi %1, tilaus myöhässä</numerusform>
            <numerusform>tilaa noin %Ln päivän välein; viimeksi %1, tilaus myöhässä</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, next around %2</source>
        <translation>
            <numerusform>tilaa noin %Ln päivän välein; viimeksi %1, seuraava noin %2</numerusform>
            <numerusform>tilaa noin %Ln päivän välein; viimeksi %1, seuraava noin %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, due now</source>
        <translation>
            <numerusform>tilaa noin %Ln viikon välein; viimeksi %1, tilaus nyt ajankohtainen</numerusform>
            <numerusform>tilaa noin %Ln viikon välein; viimeksi %1, tilaus nyt ajankohtainen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, overdue</source>
        <translation>
            <numerusform>tilaa noin %Ln viikon välein; viimeksi %1, tilaus myöhässä</numerusform>
            <numerusform>tilaa noin %Ln viikon välein; viimeksi %1, tilaus myöhässä</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, next around %2</source>
        <translation>
            <numerusform>tilaa noin %Ln viikon välein; viimeksi %1, seuraava noin %2</numerusform>
            <numerusform>tilaa noin %Ln viikon välein; viimeksi %1, seuraava noin %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, due now</source>
        <translation>
            <numerusform>tilaa noin %Ln kuukauden välein; viimeksi %1, tilaus nyt ajankohtainen</numerusform>
            <numerusform>tilaa noin %Ln kuukauden välein; viimeksi %1, tilaus nyt ajankohtainen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, overdue</source>
        <translation>
            <numerusform>tilaa noin %Ln kuukauden välein; viimeksi %1, tilaus myöhässä</numerusform>
            <numerusform>tilaa noin %Ln kuukauden välein; viimeksi %1, tilaus myöhässä</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, next around %2</source>
        <translation>
            <numerusform>tilaa noin %Ln kuukauden välein; viimeksi %1, seuraava noin %2</numerusform>
            <numerusform>tilaa noin %Ln kuukauden välein; viimeksi %1, seuraava noin %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (cannot rule out: %2 not on file)</source>
        <translation>%1 (ei voi sulkea pois: %2 puuttuu)</translation>
    </message>
    <message>
        <source>available credit</source>
        <translation>käytettävissä oleva luotto</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>saldo</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>valuutta</translation>
    </message>
    <message>
        <source>hold flag</source>
        <translation>jäädytysmerkintä</translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation>luottoraja</translation>
    </message>
    <message>
        <source>overdue amount</source>
        <translation>erääntynyt summa</translation>
    </message>
    <message>
        <source>overdue days</source>
        <translation>myöhästymispäivät</translation>
    </message>
    <message>
        <source>risk grade</source>
        <translation>riskiluokka</translation>
    </message>
    <message>
        <source>agreed terms</source>
        <translation>sovitut maksuehdot</translation>
    </message>
    <message>
        <source>credit utilisation</source>
        <translation>luoton käyttöaste</translation>
    </message>
    <message>
        <source>more generous than the agreed %1</source>
        <translation>väljempi kuin sovittu %1</translation>
    </message>
    <message>
        <source>agreed terms &apos;%1&apos; are not in credit.terms</source>
        <translation>sovittuja maksuehtoja &apos;%1&apos; ei ole luettelossa credit.terms</translation>
    </message>
    <message>
        <source>no agreed terms on file</source>
        <translation>sovittuja maksuehtoja ei ole tiedossa</translation>
    </message>
    <message>
        <source>no credit record on file (%1)</source>
        <translation>luottotietoja ei ole (%1)</translation>
    </message>
    <message>
        <source>credit record (%1) is not a single record</source>
        <translation>luottotiedot (%1) eivät ole yksi tietue</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) timed out</source>
        <translation>maksuehtoja ei voi tarkistaa: luottotiedot (%1) eivät vastanneet ajoissa</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) unavailable</source>
        <translation>maksuehtoja ei voi tarkistaa: luottotiedot (%1) eivät ole saatavilla</translation>
    </message>
    <message>
        <source>cannot check terms: no credit record on file (%1)</source>
        <translation>maksuehtoja ei voi tarkistaa: luottotietoja ei ole (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) is not a single record</source>
        <translation>maksuehtoja ei voi tarkistaa: luottotiedot (%1) eivät ole yksi tietue</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) timed out</source>
        <translation>maksuehtoja ei voi tarkistaa: saldo (%1) ei vastannut ajoissa</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) unavailable</source>
        <translation>maksuehtoja ei voi tarkistaa: saldo (%1) ei ole saatavilla</translation>
    </message>
    <message>
        <source>cannot check terms: no balance on file (%1)</source>
        <translation>maksuehtoja ei voi tarkistaa: saldoa ei ole (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) is not a single record</source>
        <translation>maksuehtoja ei voi tarkistaa: saldo (%1) ei ole yksi tietue</translation>
    </message>
    <message>
        <source>cannot check terms: no balance source configured</source>
        <translation>maksuehtoja ei voi tarkistaa: saldon lähdettä ei ole määritetty</translation>
    </message>
    <message>
        <source>%1 band (%2 ≥ %3)</source>
        <translation>luokka %1 (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>top %1% by revenue (%2 ≥ %3)</source>
        <translation>myynniltään ylin %1 % (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>bottom %1% by revenue (%2 ≥ %3)</source>
        <translation>myynniltään alin %1 % (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>every customer (%1 ≥ %2)</source>
        <translation>jokainen asiakas (%1 ≥ %2)</translation>
    </message>
    <message numerus="yes">
        <source>below every tier (%1 &lt; %2 or fewer than %Ln order(s))</source>
        <translation>
            <numerusform>ei yllä mihinkään luokkaan (%1 &lt; %2 tai alle %Ln tilaus)</numerusform>
            <numerusform>ei yllä mihinkään luokkaan (%1 &lt; %2 tai alle %Ln tilausta)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln order(s)</source>
        <translation>
            <numerusform>%1 edellyttää %Ln tilauksen</numerusform>
            <numerusform>%1 edellyttää %Ln tilausta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln tilaus</numerusform>
            <numerusform>%Ln tilausta</numerusform>
        </translation>
    </message>
    <message>
        <source>last order today</source>
        <translation>viimeisin tilaus tänään</translation>
    </message>
    <message numerus="yes">
        <source>last order %Ln day(s) ago</source>
        <translation>
            <numerusform>viimeisin tilaus %Ln päivä sitten</numerusform>
            <numerusform>viimeisin tilaus %Ln päivää sitten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down from %1: no order for over %Ln day(s)</source>
        <translation>
            <numerusform>laskenut luokasta %1: ei tilauksia yli %Ln päivään</numerusform>
            <numerusform>laskenut luokasta %1: ei tilauksia yli %Ln päivään</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Open a case</source>
        <translation>Avaa tapaus</translation>
    </message>
    <message>
        <source>Product code or description</source>
        <translation>Tuotekoodi tai kuvaus</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Tuote</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Vika</translation>
    </message>
    <message>
        <source>What is wrong, in the customer&apos;s words</source>
        <translation>Mikä on vialla, asiakkaan sanoin</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Kuvaus</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Avaa tapaus</translation>
    </message>
    <message>
        <source>Pick or type the product first.</source>
        <translation>Valitse tai kirjoita ensin tuote.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Avataan…</translation>
    </message>
    <message>
        <source>This call already has a case for that product.</source>
        <translation>Tästä puhelusta on jo tapaus tälle tuotteelle.</translation>
    </message>
    <message>
        <source>Case not opened: %1</source>
        <translation>Tapausta ei avattu: %1</translation>
    </message>
    <message>
        <source>%1 · %2: at the service desk</source>
        <translation>%1 · %2: huoltopalvelussa</translation>
    </message>
    <message>
        <source>%1 · %2: queued, sent as soon as the service desk answers</source>
        <translation>%1 · %2: jonossa, lähetetään heti kun huoltopalvelu vastaa</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Cases</source>
        <translation>Tapaukset</translation>
    </message>
    <message numerus="yes">
        <source>and %n more cases</source>
        <translation>
            <numerusform>ja %n muu tapaus</numerusform>
            <numerusform>ja %n muuta tapausta</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Jonossa</translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>avattu %1</translation>
    </message>
    <message>
        <source>not at the service desk yet</source>
        <translation>ei vielä huoltopalvelussa</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Uusi</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avoin</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Käsittelyssä</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Odottaa</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Pidossa</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Ratkaistu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Suljettu</translation>
    </message>
    <message>
        <source>In warranty until %1</source>
        <translation>Takuu voimassa %1 asti</translation>
    </message>
    <message>
        <source>In warranty</source>
        <translation>Takuu voimassa</translation>
    </message>
    <message>
        <source>Out of warranty since %1</source>
        <translation>Takuu päättynyt %1</translation>
    </message>
    <message>
        <source>Out of warranty</source>
        <translation>Takuu päättynyt</translation>
    </message>
    <message>
        <source>Warranty unknown</source>
        <translation>Takuu ei tiedossa</translation>
    </message>
    <message>
        <source>Open case %1</source>
        <translation>Avoin tapaus %1</translation>
    </message>
</context>
<context>
    <name>CrmButton</name>
    <message>
        <source>Open in CRM</source>
        <translation>Avaa CRM:ssä</translation>
    </message>
    <message>
        <source>Customer page</source>
        <translation>Asiakassivu</translation>
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
        <source>service desk</source>
        <translation>huoltopalvelu</translation>
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
    <name>HistoryWords</name>
    <message>
        <source>Earlier calls</source>
        <translation>Aiemmat puhelut</translation>
    </message>
    <message>
        <source>This desk only</source>
        <translation>Vain tämä työpiste</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Vastattu</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Vastaamaton</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>Vastattu muualla</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Kesken</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>ratkaistu</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>jatkotoimet</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>myynti</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>valitus</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>väärä numero</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Agentti %1</translation>
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
        <extracomment>&quot;N more ringing&quot; changes at most this often during a burst of rings. Item data role holding a match&apos;s customer id in the picker and search results.</extracomment>
        <translation>Numero salattu</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <extracomment>Search results (or &quot;none found&quot;) are on show: the window may need to grow. Bumped for every call shown: a search result for an earlier one is dropped.</extracomment>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Search by number, account or name — Enter</source>
        <translation>Hae numerolla, asiakasnumerolla tai nimellä — Enter</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>%Ln muu puhelu soi</numerusform>
            <numerusform>%Ln muuta puhelua soi</numerusform>
        </translation>
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
    <name>ReordersView</name>
    <message>
        <source>Reorders</source>
        <translation>Uusintatilaukset</translation>
    </message>
    <message>
        <source>Bought once</source>
        <translation>Ostettu kerran</translation>
    </message>
    <message numerus="yes">
        <source>Bought %n times</source>
        <translation>
            <numerusform>Ostettu %n kerran</numerusform>
            <numerusform>Ostettu %n kertaa</numerusform>
        </translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Tilausaika nyt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Myöhässä</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Seuraava: %1</translation>
    </message>
    <message>
        <source>Bought once, on %1</source>
        <translation>Ostettu kerran, %1</translation>
    </message>
    <message>
        <source>last on %1, due now</source>
        <translation>viimeksi %1, tilausaika nyt</translation>
    </message>
    <message>
        <source>last on %1, overdue</source>
        <translation>viimeksi %1, myöhässä</translation>
    </message>
    <message>
        <source>last on %1, next around %2</source>
        <translation>viimeksi %1, seuraava noin %2</translation>
    </message>
    <message>
        <source>Orders about daily</source>
        <translation>Tilaa lähes päivittäin</translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n days</source>
        <translation>
            <numerusform>Tilaa noin %n päivän välein</numerusform>
            <numerusform>Tilaa noin %n päivän välein</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n weeks</source>
        <translation>
            <numerusform>Tilaa noin %n viikon välein</numerusform>
            <numerusform>Tilaa noin %n viikon välein</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n months</source>
        <translation>
            <numerusform>Tilaa noin %n kuukauden välein</numerusform>
            <numerusform>Tilaa noin %n kuukauden välein</numerusform>
        </translation>
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
        <source>%1 loading</source>
        <translation>%1 latautuu</translation>
    </message>
    <message>
        <source>Last known, as of %1</source>
        <translation>Viimeisin tieto, tilanne %1</translation>
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
    <name>SourceWords</name>
    <message>
        <source>%1 did not answer within %2 ms (stopped on the server)</source>
        <translation>%1 ei vastannut %2 ms:n kuluessa (pysäytetty palvelimella)</translation>
    </message>
    <message>
        <source>%1: the database file is locked by another program; gave up after %2 ms</source>
        <translation>%1: toinen ohjelma on lukinnut tietokantatiedoston; luovuttiin %2 ms:n jälkeen</translation>
    </message>
    <message>
        <source>%1: cannot open the database file %2 (%3)</source>
        <translation>%1: tietokantatiedostoa %2 ei voi avata (%3)</translation>
    </message>
    <message>
        <source>%1: the database file %2 does not exist</source>
        <translation>%1: tietokantatiedostoa %2 ei ole olemassa</translation>
    </message>
    <message>
        <source>source %1: an in-memory SQLite database is empty</source>
        <translation>lähde %1: muistissa oleva SQLite-tietokanta on tyhjä</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve its password</source>
        <translation>lähde %1: avainnippua ei ole, joten salasanaa ei saada</translation>
    </message>
    <message>
        <source>source %1: no value for %2</source>
        <translation>lähde %1: arvo puuttuu: %2</translation>
    </message>
    <message>
        <source>%1: identify query returns no customer_id column</source>
        <translation>%1: tunnistuskysely ei palauta customer_id-saraketta</translation>
    </message>
    <message>
        <source>source %1 has no &apos;history&apos; query</source>
        <translation>lähteellä %1 ei ole history-kyselyä</translation>
    </message>
    <message>
        <source>%1: history query lacks column %2</source>
        <translation>%1: history-kyselystä puuttuu sarake %2</translation>
    </message>
    <message>
        <source>%1: column %2 holds binary data (a BLOB), not text</source>
        <translation>%1: sarakkeessa %2 on binääridataa (BLOB), ei tekstiä</translation>
    </message>
    <message>
        <source>%1: column %2 holds %3, not a finite number</source>
        <translation>%1: sarakkeessa %2 on %3, ei äärellinen luku</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms (connection closed)</source>
        <translation>%1 ei vastannut %2 ms:n kuluessa (yhteys suljettu)</translation>
    </message>
    <message>
        <source>%1: %2 failed TLS verification: its certificate is not trusted (set verify = &quot;/path/to/ca.pem&quot; for a private CA)</source>
        <translation>%1: %2 ei läpäissyt TLS-tarkistusta: sen varmenteeseen ei luoteta (oman varmentajan kanssa aseta verify = &quot;/path/to/ca.pem&quot;)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (%3)</source>
        <translation>%1: %2 ei ole tavoitettavissa (%3)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (connection refused: is the service running on that port?)</source>
        <translation>%1: %2 ei ole tavoitettavissa (yhteys torjuttiin: onko palvelu käynnissä siinä portissa?)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (unknown host name)</source>
        <translation>%1: %2 ei ole tavoitettavissa (tuntematon palvelimen nimi)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (no route to host)</source>
        <translation>%1: %2 ei ole tavoitettavissa (ei reittiä palvelimeen)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the server closed the connection without answering)</source>
        <translation>%1: %2 ei ole tavoitettavissa (palvelin sulki yhteyden vastaamatta)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the connection was reset)</source>
        <translation>%1: %2 ei ole tavoitettavissa (yhteys katkaistiin)</translation>
    </message>
    <message>
        <source>%1: %2 request failed (%3)</source>
        <translation>%1: pyyntö kohteeseen %2 epäonnistui (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused our credentials (401): check the keyring entry named by auth.secret</source>
        <translation>%1: %2 hylkäsi tunnuksemme (401): tarkista auth.secret-asetuksen nimeämä avainnipun merkintä</translation>
    </message>
    <message>
        <source>%1: %2 does not allow this (403): the account lacks permission for this resource</source>
        <translation>%1: %2 ei salli tätä (403): tilillä ei ole oikeutta tähän resurssiin</translation>
    </message>
    <message>
        <source>%1: %2 has no such resource (404): check the URL template</source>
        <translation>%1: kohteessa %2 ei ole tällaista resurssia (404): tarkista URL-malli</translation>
    </message>
    <message>
        <source>%1: %2 server error (%3)</source>
        <translation>%1: %2 palvelinvirhe (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused the request (%3)</source>
        <translation>%1: %2 hylkäsi pyynnön (%3)</translation>
    </message>
    <message>
        <source>%1: %2 did not answer valid JSON (%3 bytes)</source>
        <translation>%1: %2 ei vastannut kelvollista JSONia (%3 tavua)</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 bytes, more than %4</source>
        <translation>%1: %2 vastasi %3 tavua, enemmän kuin %4</translation>
    </message>
    <message>
        <source>%1: %2 answered more than %3 bytes; read stopped</source>
        <translation>%1: %2 vastasi yli %3 tavua; lukeminen lopetettiin</translation>
    </message>
    <message>
        <source>%1: %2 broke off its answer (%3)</source>
        <translation>%1: %2 katkaisi vastauksensa (%3)</translation>
    </message>
    <message>
        <source>%1: %2 redirected to another host (%3); not followed, so that no credential or caller&apos;s number leaves the configured host</source>
        <translation>%1: %2 ohjasi toiseen palvelimeen (%3); ohjausta ei seurattu, jotta tunnukset tai soittajan numero eivät lähde määritetystä palvelimesta</translation>
    </message>
    <message>
        <source>%1: %2 redirected more than %3 times</source>
        <translation>%1: %2 ohjasi eteenpäin yli %3 kertaa</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve auth.secret</source>
        <translation>lähde %1: avainnippua ei ole, joten auth.secret-arvoa ei saada</translation>
    </message>
    <message>
        <source>%1: answer is not an object; configure &apos;fields&apos;</source>
        <translation>%1: vastaus ei ole objekti; määritä &apos;fields&apos;</translation>
    </message>
    <message>
        <source>%1: identify answer has no customer_id at &apos;%2&apos;</source>
        <translation>%1: tunnistusvastauksessa ei ole customer_id-arvoa kohdassa &apos;%2&apos;</translation>
    </message>
    <message>
        <source>source %1: REST sources have no purchase history</source>
        <translation>lähde %1: REST-lähteillä ei ole ostohistoriaa</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 at %4, not a finite number</source>
        <translation>%1: %2 palautti kohdassa %4 arvon %3, ei äärellistä lukua</translation>
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
        <extracomment>``render(data, formats, card currency, previous)`` → the section&apos;s widget; ``previous`` is what the renderer returned for this box before (or None), to be filled again and returned when it is of the right kind. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
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
