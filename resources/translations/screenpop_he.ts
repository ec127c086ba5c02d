<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he">
<context>
    <name>AccountViews</name>
    <message>
        <source>Balance</source>
        <translation>יתרה</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>באיחור של %Ln יום</numerusform>
            <numerusform>באיחור של %Ln ימים</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>בפיגור</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>אין פיגורים</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>האשראי מוקפא</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>מסגרת אשראי</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>יתרה לניצול</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>דירוג סיכון</translation>
    </message>
    <message>
        <source>May offer</source>
        <translation>מותר להציע</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>תנאי תשלום</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>אסור להציע</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>דרגת ערך</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>ערך כולל</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>הזמנות</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>הזמנה אחרונה</translation>
    </message>
</context>
<context>
    <name>BusinessWords</name>
    <message>
        <source>%1 has no &apos;history&apos; query, which crosssell.per_pop = &apos;history&apos; needs</source>
        <translation>ל־%1 אין שאילתת history, הנדרשת עבור crosssell.per_pop = &apos;history&apos;</translation>
    </message>
    <message numerus="yes">
        <source>bought with %1 by %Ln customer(s)</source>
        <translation>
            <numerusform>נקנה יחד עם %1 על ידי לקוח %Ln</numerusform>
            <numerusform>נקנה יחד עם %1 על ידי %Ln לקוחות</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>popular with %Ln customer(s) in the last %1 days</source>
        <translation>
            <numerusform>פופולרי אצל לקוח %Ln ב־%1 הימים האחרונים</numerusform>
            <numerusform>פופולרי אצל %Ln לקוחות ב־%1 הימים האחרונים</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bought by %Ln customer(s)</source>
        <translation>
            <numerusform>נקנה על ידי לקוח %Ln</numerusform>
            <numerusform>נקנה על ידי %Ln לקוחות</numerusform>
        </translation>
    </message>
    <message>
        <source>bought once, on %1</source>
        <translation>נקנה פעם אחת, ב־%1</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, due now</source>
        <translation>מזמין כמעט כל יום; לאחרונה ב־%1, הגיע הזמן</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, overdue</source>
        <translation>מזמין כמעט כל יום; לאחרונה ב־%1, באיחור</translation>
    </message>
    <message>
        <source>orders about daily; last on %1, next around %2</source>
        <translation>מזמין כמעט כל יום; לאחרונה ב־%1, הבא בסביבות %2</translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, due now</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln יום; לאחרונה ב־%1, הגיע הזמן</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln ימים; לאחרונה ב־%1, הגיע הזמן</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, overdue</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln יום; לאחרונה ב־%1, באיחור</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln ימים; לאחרונה ב־%1, באיחור</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, next around %2</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln יום; לאחרונה ב־%1, הבא בסביבות %2</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln ימים; לאחרונה ב־%1, הבא בסביבות %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, due now</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln שבוע; לאחרונה ב־%1, הגיע הזמן</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln שבועות; לאחרונה ב־%1, הגיע הזמן</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, overdue</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln שבוע; לאחרונה ב־%1, באיחור</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln שבועות; לאחרונה ב־%1, באיחור</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, next around %2</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln שבוע; לאחרונה ב־%1, הבא בסביבות %2</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln שבועות; לאחרונה ב־%1, הבא בסביבות %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, due now</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln חודש; לאחרונה ב־%1, הגיע הזמן</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln חודשים; לאחרונה ב־%1, הגיע הזמן</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, overdue</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln חודש; לאחרונה ב־%1, באיחור</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln חודשים; לאחרונה ב־%1, באיחור</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, next around %2</source>
        <translation>
            <numerusform>מזמין בערך פעם ב־%Ln חודש; לאחרונה ב־%1, הבא בסביבות %2</numerusform>
            <numerusform>מזמין בערך פעם ב־%Ln חודשים; לאחרונה ב־%1, הבא בסביבות %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (cannot rule out: %2 not on file)</source>
        <translation>%1 (לא ניתן לשלול: חסר %2)</translation>
    </message>
    <message>
        <source>available credit</source>
        <translation>אשראי פנוי</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>יתרה</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>מטבע</translation>
    </message>
    <message>
        <source>hold flag</source>
        <translation>סימון הקפאה</translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation>מסגרת אשראי</translation>
    </message>
    <message>
        <source>overdue amount</source>
        <translation>סכום בפיגור</translation>
    </message>
    <message>
        <source>overdue days</source>
        <translation>ימי פיגור</translation>
    </message>
    <message>
        <source>risk grade</source>
        <translation>דירוג סיכון</translation>
    </message>
    <message>
        <source>agreed terms</source>
        <translation>תנאי התשלום שסוכמו</translation>
    </message>
    <message>
        <source>credit utilisation</source>
        <translation>ניצול האשראי</translation>
    </message>
    <message>
        <source>more generous than the agreed %1</source>
        <translation>נדיב יותר מה־%1 שסוכם</translation>
    </message>
    <message>
        <source>agreed terms &apos;%1&apos; are not in credit.terms</source>
        <translation>תנאי התשלום שסוכמו &apos;%1&apos; אינם ברשימת credit.terms</translation>
    </message>
    <message>
        <source>no agreed terms on file</source>
        <translation>אין תנאי תשלום מוסכמים ברשומות</translation>
    </message>
    <message>
        <source>no credit record on file (%1)</source>
        <translation>אין רשומת אשראי (%1)</translation>
    </message>
    <message>
        <source>credit record (%1) is not a single record</source>
        <translation>רשומת האשראי (%1) אינה רשומה יחידה</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) timed out</source>
        <translation>לא ניתן לבדוק תנאים: רשומת האשראי (%1) לא ענתה בזמן</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) unavailable</source>
        <translation>לא ניתן לבדוק תנאים: רשומת האשראי (%1) אינה זמינה</translation>
    </message>
    <message>
        <source>cannot check terms: no credit record on file (%1)</source>
        <translation>לא ניתן לבדוק תנאים: אין רשומת אשראי (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: credit record (%1) is not a single record</source>
        <translation>לא ניתן לבדוק תנאים: רשומת האשראי (%1) אינה רשומה יחידה</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) timed out</source>
        <translation>לא ניתן לבדוק תנאים: היתרה (%1) לא ענתה בזמן</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) unavailable</source>
        <translation>לא ניתן לבדוק תנאים: היתרה (%1) אינה זמינה</translation>
    </message>
    <message>
        <source>cannot check terms: no balance on file (%1)</source>
        <translation>לא ניתן לבדוק תנאים: אין יתרה ברשומות (%1)</translation>
    </message>
    <message>
        <source>cannot check terms: balance (%1) is not a single record</source>
        <translation>לא ניתן לבדוק תנאים: היתרה (%1) אינה רשומה יחידה</translation>
    </message>
    <message>
        <source>cannot check terms: no balance source configured</source>
        <translation>לא ניתן לבדוק תנאים: לא הוגדר מקור ליתרה</translation>
    </message>
    <message>
        <source>%1 band (%2 ≥ %3)</source>
        <translation>דרגה %1 (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>top %1% by revenue (%2 ≥ %3)</source>
        <translation>%1% העליונים לפי מחזור (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>bottom %1% by revenue (%2 ≥ %3)</source>
        <translation>%1% התחתונים לפי מחזור (%2 ≥ %3)</translation>
    </message>
    <message>
        <source>every customer (%1 ≥ %2)</source>
        <translation>כל לקוח (%1 ≥ %2)</translation>
    </message>
    <message numerus="yes">
        <source>below every tier (%1 &lt; %2 or fewer than %Ln order(s))</source>
        <translation>
            <numerusform>מתחת לכל הדרגות (%1 &lt; %2 או פחות מהזמנה %Ln)</numerusform>
            <numerusform>מתחת לכל הדרגות (%1 &lt; %2 או פחות מ־%Ln הזמנות)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln order(s)</source>
        <translation>
            <numerusform>%1 דורש הזמנה %Ln</numerusform>
            <numerusform>%1 דורש %Ln הזמנות</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>הזמנה %Ln</numerusform>
            <numerusform>%Ln הזמנות</numerusform>
        </translation>
    </message>
    <message>
        <source>last order today</source>
        <translation>ההזמנה האחרונה היום</translation>
    </message>
    <message numerus="yes">
        <source>last order %Ln day(s) ago</source>
        <translation>
            <numerusform>ההזמנה האחרונה לפני יום %Ln</numerusform>
            <numerusform>ההזמנה האחרונה לפני %Ln ימים</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down from %1: no order for over %Ln day(s)</source>
        <translation>
            <numerusform>ירד מדרגת %1: אין הזמנה כבר יותר מיום %Ln</numerusform>
            <numerusform>ירד מדרגת %1: אין הזמנה כבר יותר מ־%Ln ימים</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Open a case</source>
        <translation>פתיחת פנייה</translation>
    </message>
    <message>
        <source>Product code or description</source>
        <translation>קוד מוצר או תיאור</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>מוצר</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>תקלה</translation>
    </message>
    <message>
        <source>What is wrong, in the customer&apos;s words</source>
        <translation>מה לא תקין, במילים של הלקוח</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>תיאור</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>פתח פנייה</translation>
    </message>
    <message>
        <source>Pick or type the product first.</source>
        <translation>יש לבחור או להקליד קודם את המוצר.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>פותח…</translation>
    </message>
    <message>
        <source>This call already has a case for that product.</source>
        <translation>לשיחה זו כבר יש פנייה עבור מוצר זה.</translation>
    </message>
    <message>
        <source>Case not opened: %1</source>
        <translation>הפנייה לא נפתחה: %1</translation>
    </message>
    <message>
        <source>%1 · %2: at the service desk</source>
        <translation>%1 · %2: במוקד השירות</translation>
    </message>
    <message>
        <source>%1 · %2: queued, sent as soon as the service desk answers</source>
        <translation>%1 · %2: בתור, יישלח ברגע שמוקד השירות יענה</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Cases</source>
        <translation>פניות</translation>
    </message>
    <message numerus="yes">
        <source>and %n more cases</source>
        <translation>
            <numerusform>ועוד %n פנייה</numerusform>
            <numerusform>ועוד %n פניות</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>בתור</translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>נפתחה ב־%1</translation>
    </message>
    <message>
        <source>not at the service desk yet</source>
        <translation>עדיין לא במוקד השירות</translation>
    </message>
    <message>
        <source>New</source>
        <translation>חדש</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>פתוח</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>בטיפול</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>ממתין</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>מושהה</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>נפתר</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>סגור</translation>
    </message>
    <message>
        <source>In warranty until %1</source>
        <translation>באחריות עד %1</translation>
    </message>
    <message>
        <source>In warranty</source>
        <translation>באחריות</translation>
    </message>
    <message>
        <source>Out of warranty since %1</source>
        <translation>האחריות הסתיימה ב־%1</translation>
    </message>
    <message>
        <source>Out of warranty</source>
        <translation>לא באחריות</translation>
    </message>
    <message>
        <source>Warranty unknown</source>
        <translation>אחריות לא ידועה</translation>
    </message>
    <message>
        <source>Open case %1</source>
        <translation>פנייה פתוחה %1</translation>
    </message>
</context>
<context>
    <name>CrmButton</name>
    <message>
        <source>Open in CRM</source>
        <translation>פתח ב־CRM</translation>
    </message>
    <message>
        <source>Customer page</source>
        <translation>דף הלקוח</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>connecting</source>
        <extracomment>What the core calls its journals (``AgentCore.journal_healths``).</extracomment>
        <translation>מתחבר</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>מחובר</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>מאזין</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>מנסה שוב</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>לא פועל</translation>
    </message>
    <message>
        <source>local journal</source>
        <translation>יומן השיחות המקומי</translation>
    </message>
    <message>
        <source>central journal</source>
        <translation>יומן השיחות המרכזי</translation>
    </message>
    <message>
        <source>service desk</source>
        <translation>מוקד השירות</translation>
    </message>
    <message>
        <source>no bridges configured</source>
        <translation>לא הוגדרו חיבורי טלפוניה</translation>
    </message>
    <message>
        <source>screenpop — no bridges configured</source>
        <translation>screenpop — לא הוגדרו חיבורי טלפוניה</translation>
    </message>
    <message>
        <source>screenpop — ready: %1</source>
        <translation>screenpop — מוכן: %1</translation>
    </message>
    <message>
        <source>screenpop — no calls from %1</source>
        <translation>screenpop — לא מתקבלות שיחות: %1</translation>
    </message>
    <message>
        <source>sources failing: %1</source>
        <translation>מקורות נתונים לא עונים: %1</translation>
    </message>
    <message>
        <source>journal cannot write: calls and wrap-ups are kept and retried</source>
        <translation>לא ניתן לכתוב ליומן השיחות: השיחות והסיכומים נשמרים בצד וייכתבו בניסיון חוזר</translation>
    </message>
    <message>
        <source>central journal unreachable: calls are kept on this PC and sent later</source>
        <translation>יומן השיחות המרכזי אינו זמין: השיחות נשמרות במחשב זה וישלחו מאוחר יותר</translation>
    </message>
    <message>
        <source>Call bridges:</source>
        <translation>חיבורי טלפוניה:</translation>
    </message>
    <message>
        <source>Data sources:</source>
        <translation>מקורות נתונים:</translation>
    </message>
    <message>
        <source>Journal:</source>
        <translation>יומן השיחות:</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <source>Earlier calls</source>
        <translation>שיחות קודמות</translation>
    </message>
    <message>
        <source>This desk only</source>
        <translation>עמדה זו בלבד</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>נענתה</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>לא נענתה</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>נענתה בעמדה אחרת</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>לא הסתיימה</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>נפתר</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>מעקב</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>מכירה</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>תלונה</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>מספר שגוי</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>נציג %1</translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>Notes for this call…</source>
        <extracomment>Pause in typing after which a draft is saved; short enough to lose little. Calls whose notes the pop remembers for their wrap-up (the journal keeps all). The agent clicked into the field (the pop may take focus now).</extracomment>
        <translation>הערות לשיחה זו…</translation>
    </message>
</context>
<context>
    <name>PopFooter</name>
    <message>
        <source>Wrap up</source>
        <translation>סיכום שיחה</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>סגירה</translation>
    </message>
</context>
<context>
    <name>PopHeader</name>
    <message>
        <source>Number withheld</source>
        <extracomment>&quot;N more ringing&quot; changes at most this often during a burst of rings. Item data role holding a match&apos;s customer id in the picker and search results.</extracomment>
        <translation>מספר חסוי</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <extracomment>Search results (or &quot;none found&quot;) are on show: the window may need to grow. Bumped for every call shown: a search result for an earlier one is dropped.</extracomment>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Search by number, account or name — Enter</source>
        <translation>חיפוש לפי מספר טלפון, מספר חשבון או שם — Enter</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>עוד %Ln שיחה מצלצלת</numerusform>
            <numerusform>עוד %Ln שיחות מצלצלות</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>מחפש…</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>לקוח %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) share this number</source>
        <translation>
            <numerusform>%Ln לקוח משתמש במספר זה</numerusform>
            <numerusform>%Ln לקוחות משתמשים במספר זה</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose who is calling:</source>
        <translation>בחרו מי מתקשר:</translation>
    </message>
    <message>
        <source>Caller not identified</source>
        <translation>המתקשר לא זוהה</translation>
    </message>
    <message>
        <source>%1 could not be searched: %2</source>
        <translation>לא ניתן היה לחפש ב־%1: %2</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>מתקשר לא מזוהה</translation>
    </message>
    <message>
        <source>No customer matched this number</source>
        <translation>לא נמצא לקוח עם מספר זה</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>לא נמצא לקוח</translation>
    </message>
    <message numerus="yes">
        <source>Choose a customer (%Ln match(es))…</source>
        <translation>
            <numerusform>בחירת לקוח (%Ln התאמה)…</numerusform>
            <numerusform>בחירת לקוח (%Ln התאמות)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>החיפוש נכשל: %1</translation>
    </message>
    <message>
        <source>Opening customer…</source>
        <translation>פותח את הלקוח…</translation>
    </message>
</context>
<context>
    <name>PopWindow</name>
    <message>
        <source>Ringing</source>
        <translation>מצלצלת</translation>
    </message>
    <message>
        <source>On call</source>
        <extracomment>While the agent points at or types in a lingering pop, look again this often. After the shown caller hangs up, the next waiting caller comes forward this much later: when callers hang up one after another (the end of a burst) the pop moves once, not once per hang-up, and the agent sees what ended. The agent wants to wrap up ``call_id``; carries the pop&apos;s notes. Ringing calls behind the shown one, oldest first.</extracomment>
        <translation>בשיחה</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>נענתה בעמדה אחרת</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>לא נענתה</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>הסתיימה</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>נפתחה מחדש</translation>
    </message>
    <message>
        <source>Reopened · %1</source>
        <translation>נפתחה מחדש · %1</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <source>no answer within %1 ms</source>
        <translation>לא התקבלה תשובה תוך %1 אלפיות שנייה</translation>
    </message>
    <message>
        <source>no answer within %1 ms (abandoned; could not be stopped)</source>
        <translation>לא התקבלה תשובה תוך %1 אלפיות שנייה (ננטש; לא ניתן היה לעצור)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is failing (%Ln error(s) in a row); retrying in %2 s</source>
        <translation>
            <numerusform>%1 נכשל (שגיאה %Ln ברצף); ניסיון חוזר בעוד %2 שניות</numerusform>
            <numerusform>%1 נכשל (%Ln שגיאות ברצף); ניסיון חוזר בעוד %2 שניות</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered something a card cannot hold: %2</source>
        <translation>%1 החזיר נתונים שהכרטיס אינו יכול להציג: %2</translation>
    </message>
    <message>
        <source>%1: internal error (%2)</source>
        <translation>%1: שגיאה פנימית (%2)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>אין תשובה</translation>
    </message>
    <message>
        <source>cross-sell model unusable: %1</source>
        <translation>לא ניתן להשתמש במודל המכירה הצולבת: %1</translation>
    </message>
</context>
<context>
    <name>RecentCallsModel</name>
    <message>
        <source>ringing</source>
        <translation>מצלצלת</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>נענתה</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>הסתיימה</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>לא נענתה</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>חסוי</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>נענתה בעמדה אחרת</translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation>נענתה על ידי %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>שעה</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>מתקשר</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>לקוח</translation>
    </message>
    <message>
        <source>State</source>
        <translation>מצב</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>תוצאה</translation>
    </message>
</context>
<context>
    <name>RecentCallsView</name>
    <message>
        <source>Open card</source>
        <extracomment>Columns sized to their content; the customer column takes what is left. Room around a cell&apos;s text and a header&apos;s title (and its sort arrow). New rows are in and the columns fitted (the window may want to be wider).</extracomment>
        <translation>פתיחת כרטיס</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>חיוג חוזר</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>סיכום שיחה</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>רענון</translation>
    </message>
</context>
<context>
    <name>RecentWindow</name>
    <message>
        <source>screenpop — recent calls</source>
        <translation>screenpop — שיחות אחרונות</translation>
    </message>
</context>
<context>
    <name>ReordersView</name>
    <message>
        <source>Reorders</source>
        <translation>הזמנות חוזרות</translation>
    </message>
    <message>
        <source>Bought once</source>
        <translation>נקנה פעם אחת</translation>
    </message>
    <message numerus="yes">
        <source>Bought %n times</source>
        <translation>
            <numerusform>נקנה פעם %n</numerusform>
            <numerusform>נקנה %n פעמים</numerusform>
        </translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>הגיע הזמן</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>באיחור</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>הבא: %1</translation>
    </message>
    <message>
        <source>Bought once, on %1</source>
        <translation>נקנה פעם אחת, ב-%1</translation>
    </message>
    <message>
        <source>last on %1, due now</source>
        <translation>לאחרונה ב-%1, הגיע הזמן</translation>
    </message>
    <message>
        <source>last on %1, overdue</source>
        <translation>לאחרונה ב-%1, באיחור</translation>
    </message>
    <message>
        <source>last on %1, next around %2</source>
        <translation>לאחרונה ב-%1, הבא בסביבות %2</translation>
    </message>
    <message>
        <source>Orders about daily</source>
        <translation>מזמין כמעט כל יום</translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n days</source>
        <translation>
            <numerusform>מזמין בערך כל יום %n</numerusform>
            <numerusform>מזמין בערך כל %n ימים</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n weeks</source>
        <translation>
            <numerusform>מזמין בערך כל שבוע %n</numerusform>
            <numerusform>מזמין בערך כל %n שבועות</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n months</source>
        <translation>
            <numerusform>מזמין בערך כל חודש %n</numerusform>
            <numerusform>מזמין בערך כל %n חודשים</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SalesViews</name>
    <message>
        <source>Date</source>
        <translation>תאריך</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>מוצר</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>תיאור</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>כמות</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>סכום</translation>
    </message>
</context>
<context>
    <name>SectionBox</name>
    <message>
        <source>Timed out — %1</source>
        <translation>תם הזמן — %1</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>תם הזמן</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>לא צוינה סיבה</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>לא זמין: %1</translation>
    </message>
    <message>
        <source>Nothing on file</source>
        <translation>אין נתונים</translation>
    </message>
    <message>
        <source>%1 loading</source>
        <translation>%1 בטעינה</translation>
    </message>
    <message>
        <source>Last known, as of %1</source>
        <translation>ידוע לאחרונה, נכון ל־%1</translation>
    </message>
</context>
<context>
    <name>SectionTitles</name>
    <message>
        <source>Balance</source>
        <translation>יתרה</translation>
    </message>
    <message>
        <source>Recent purchases</source>
        <translation>רכישות אחרונות</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>כדאי להציע</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>אשראי</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>ערך הלקוח</translation>
    </message>
</context>
<context>
    <name>SourceWords</name>
    <message>
        <source>%1 did not answer within %2 ms (stopped on the server)</source>
        <translation>%1 לא ענה תוך %2 אלפיות שנייה (נעצר בשרת)</translation>
    </message>
    <message>
        <source>%1: the database file is locked by another program; gave up after %2 ms</source>
        <translation>%1: קובץ מסד הנתונים נעול על ידי תוכנה אחרת; ויתרנו אחרי %2 אלפיות שנייה</translation>
    </message>
    <message>
        <source>%1: cannot open the database file %2 (%3)</source>
        <translation>%1: לא ניתן לפתוח את קובץ מסד הנתונים %2 (%3)</translation>
    </message>
    <message>
        <source>%1: the database file %2 does not exist</source>
        <translation>%1: קובץ מסד הנתונים %2 אינו קיים</translation>
    </message>
    <message>
        <source>source %1: an in-memory SQLite database is empty</source>
        <translation>מקור %1: מסד נתונים SQLite בזיכרון ריק</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve its password</source>
        <translation>מקור %1: אין מחזיק מפתחות שממנו ניתן לקבל את הסיסמה</translation>
    </message>
    <message>
        <source>source %1: no value for %2</source>
        <translation>מקור %1: אין ערך עבור %2</translation>
    </message>
    <message>
        <source>%1: identify query returns no customer_id column</source>
        <translation>%1: שאילתת הזיהוי אינה מחזירה עמודת customer_id</translation>
    </message>
    <message>
        <source>source %1 has no &apos;history&apos; query</source>
        <translation>למקור %1 אין שאילתת history</translation>
    </message>
    <message>
        <source>%1: history query lacks column %2</source>
        <translation>%1: בשאילתת history חסרה העמודה %2</translation>
    </message>
    <message>
        <source>%1: column %2 holds binary data (a BLOB), not text</source>
        <translation>%1: העמודה %2 מכילה נתונים בינאריים (BLOB) ולא טקסט</translation>
    </message>
    <message>
        <source>%1: column %2 holds %3, not a finite number</source>
        <translation>%1: העמודה %2 מכילה %3 ולא מספר סופי</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms (connection closed)</source>
        <translation>%1 לא ענה תוך %2 אלפיות שנייה (החיבור נסגר)</translation>
    </message>
    <message>
        <source>%1: %2 failed TLS verification: its certificate is not trusted (set verify = &quot;/path/to/ca.pem&quot; for a private CA)</source>
        <translation>%1: %2 נכשל באימות TLS: האישור שלו אינו מהימן (עבור רשות אישורים פרטית הגדירו verify = &quot;/path/to/ca.pem&quot;)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (%3)</source>
        <translation>%1: לא ניתן להגיע אל %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (connection refused: is the service running on that port?)</source>
        <translation>%1: לא ניתן להגיע אל %2 (החיבור נדחה: האם השירות פועל ביציאה הזו?)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (unknown host name)</source>
        <translation>%1: לא ניתן להגיע אל %2 (שם שרת לא מוכר)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (no route to host)</source>
        <translation>%1: לא ניתן להגיע אל %2 (אין נתיב לשרת)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the server closed the connection without answering)</source>
        <translation>%1: לא ניתן להגיע אל %2 (השרת סגר את החיבור בלי לענות)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached (the connection was reset)</source>
        <translation>%1: לא ניתן להגיע אל %2 (החיבור אופס)</translation>
    </message>
    <message>
        <source>%1: %2 request failed (%3)</source>
        <translation>%1: הבקשה אל %2 נכשלה (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused our credentials (401): check the keyring entry named by auth.secret</source>
        <translation>%1: %2 דחה את פרטי הגישה שלנו (401): בדקו את הרשומה במחזיק המפתחות ש־auth.secret מציין</translation>
    </message>
    <message>
        <source>%1: %2 does not allow this (403): the account lacks permission for this resource</source>
        <translation>%1: %2 אינו מתיר זאת (403): לחשבון אין הרשאה למשאב הזה</translation>
    </message>
    <message>
        <source>%1: %2 has no such resource (404): check the URL template</source>
        <translation>%1: אין משאב כזה ב־%2 (404): בדקו את תבנית הכתובת</translation>
    </message>
    <message>
        <source>%1: %2 server error (%3)</source>
        <translation>%1: %2 שגיאת שרת (%3)</translation>
    </message>
    <message>
        <source>%1: %2 refused the request (%3)</source>
        <translation>%1: %2 דחה את הבקשה (%3)</translation>
    </message>
    <message>
        <source>%1: %2 did not answer valid JSON (%3 bytes)</source>
        <translation>%1: %2 לא החזיר JSON תקין (%3 בתים)</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 bytes, more than %4</source>
        <translation>%1: %2 החזיר %3 בתים, יותר מ־%4</translation>
    </message>
    <message>
        <source>%1: %2 answered more than %3 bytes; read stopped</source>
        <translation>%1: %2 החזיר יותר מ־%3 בתים; הקריאה נעצרה</translation>
    </message>
    <message>
        <source>%1: %2 broke off its answer (%3)</source>
        <translation>%1: %2 קטע את תשובתו (%3)</translation>
    </message>
    <message>
        <source>%1: %2 redirected to another host (%3); not followed, so that no credential or caller&apos;s number leaves the configured host</source>
        <translation>%1: %2 הפנה לשרת אחר (%3); ההפניה לא בוצעה, כדי שפרטי גישה או מספר המתקשר לא ייצאו מהשרת שהוגדר</translation>
    </message>
    <message>
        <source>%1: %2 redirected more than %3 times</source>
        <translation>%1: %2 הפנה יותר מ־%3 פעמים</translation>
    </message>
    <message>
        <source>source %1: no keyring to resolve auth.secret</source>
        <translation>מקור %1: אין מחזיק מפתחות שממנו ניתן לקבל את auth.secret</translation>
    </message>
    <message>
        <source>%1: answer is not an object; configure &apos;fields&apos;</source>
        <translation>%1: התשובה אינה אובייקט; הגדירו את &apos;fields&apos;</translation>
    </message>
    <message>
        <source>%1: identify answer has no customer_id at &apos;%2&apos;</source>
        <translation>%1: בתשובת הזיהוי אין customer_id במיקום &apos;%2&apos;</translation>
    </message>
    <message>
        <source>source %1: REST sources have no purchase history</source>
        <translation>מקור %1: למקורות REST אין היסטוריית רכישות</translation>
    </message>
    <message>
        <source>%1: %2 answered %3 at %4, not a finite number</source>
        <translation>%1: %2 החזיר %3 ב־%4 ולא מספר סופי</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open current card</source>
        <translation>פתיחת הכרטיס הנוכחי</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>שיחות אחרונות</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>יציאה</translation>
    </message>
</context>
<context>
    <name>UiController</name>
    <message>
        <source>Recent calls not loaded: %1</source>
        <extracomment>Calls move in bursts (ring, identified, answered...); one refresh per burst. Jobs at once: a save waiting on the journal, a search, a re-lookup, the list. Something the agent should know (dial failed, card gone): one line.</extracomment>
        <translation>לא ניתן לטעון את השיחות האחרונות: %1</translation>
    </message>
    <message>
        <source>No bridge can place calls; dial the number on the phone</source>
        <translation>אין חיבור טלפוניה שיכול לחייג; חייגו את המספר בטלפון</translation>
    </message>
</context>
<context>
    <name>ViewWords</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <extracomment>``render(data, formats, card currency, previous)`` → the section&apos;s widget; ``previous`` is what the renderer returned for this box before (or None), to be filled again and returned when it is of the right kind. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
        <translation>
            <numerusform>ועוד %Ln</numerusform>
            <numerusform>ועוד %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WrapupDialog</name>
    <message>
        <source>Wrap up — %1</source>
        <extracomment>The journal has the wrap-up (call id); the dialog closes. The journal cannot write now; the core keeps the wrap-up and retries (call id). Results of a save still running are dropped once the dialog is gone.</extracomment>
        <translation>סיכום שיחה — %1</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>סיכום שיחה</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>תוצאה</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>הערות</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>שומר…</translation>
    </message>
    <message>
        <source>The journal cannot write right now. This wrap-up is kept and will be saved as soon as the journal can write again.</source>
        <translation>לא ניתן לכתוב ליומן השיחות כרגע. סיכום השיחה נשמר בצד ויישמר ביומן ברגע שהכתיבה תתאפשר שוב.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>סגירה</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>לא נשמר: %1</translation>
    </message>
</context>
</TS>
