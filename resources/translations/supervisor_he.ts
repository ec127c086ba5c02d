<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he">
<context>
    <name>screenpop_supervisor</name>
    <message>
        <source>Calls per period</source>
        <translation>שיחות לפי תקופה</translation>
    </message>
    <message>
        <source>No calls in this period.</source>
        <translation>אין שיחות בתקופה זו.</translation>
    </message>
    <message>
        <source>unreadable in the journal</source>
        <translation>לא קריא ביומן</translation>
    </message>
    <message>
        <source>Call %1 — %2</source>
        <translation>שיחה %1 — %2</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>מתקשר</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>מספר</translation>
    </message>
    <message>
        <source>unknown caller</source>
        <translation>מתקשר לא מזוהה</translation>
    </message>
    <message>
        <source>(%1 matches)</source>
        <translation>(%1 התאמות)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>לקוח</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>נציג</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>תוצאה</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>סיווג</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>זמן שיחה</translation>
    </message>
    <message>
        <source>Pop latency</source>
        <translation>השהיית חלון קופץ</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>ציר זמן</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>הערות</translation>
    </message>
    <message>
        <source>Failed sections</source>
        <translation>מקטעים שנכשלו</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>לא צוינה סיבה</translation>
    </message>
    <message>
        <source>None: every section answered.</source>
        <translation>אין: כל המקטעים ענו.</translation>
    </message>
    <message>
        <source>The card as the agent saw it</source>
        <translation>הכרטיס כפי שהנציג ראה אותו</translation>
    </message>
    <message>
        <source>No card was journaled for this call.</source>
        <translation>לא נרשם כרטיס לשיחה זו.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>לא ניתן לכתוב %1: %2</translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation>מייצא שיחות…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>ייצוא</translation>
    </message>
    <message>
        <source>Exporting calls… %1 of %2</source>
        <translation>מייצא שיחות… %1 מתוך %2</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>לפי יום</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>לפי שעה</translation>
    </message>
    <message>
        <source>Export figures (CSV)…</source>
        <translation>ייצוא נתונים (CSV)…</translation>
    </message>
    <message>
        <source>Export figures (Excel)…</source>
        <translation>ייצוא נתונים (Excel)…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>שיחות</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>נענתה</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>נענתה במקום אחר</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>לא נענתה</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>בתהליך</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>סיווגים</translation>
    </message>
    <message>
        <source>Failed sources</source>
        <translation>מקורות שנכשלו</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>טוען…</translation>
    </message>
    <message>
        <source>Could not read the central journal: %1</source>
        <translation>לא ניתן לקרוא את היומן המרכזי: %1</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>הוצעו</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>נענו</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>לא נענו</translation>
    </message>
    <message>
        <source>Answered elsewhere</source>
        <translation>נענו במקום אחר</translation>
    </message>
    <message>
        <source>Time to answer p50 / p90</source>
        <translation>זמן מענה p50 / p90</translation>
    </message>
    <message>
        <source>Talk time p50 / p90</source>
        <translation>זמן שיחה p50 / p90</translation>
    </message>
    <message>
        <source>Pop latency p50 / p95</source>
        <translation>השהיית חלון קופץ p50 / p95</translation>
    </message>
    <message>
        <source>Wrap-up done</source>
        <translation>סיכום שיחה הושלם</translation>
    </message>
    <message>
        <source>Unknown callers</source>
        <translation>מתקשרים לא מזוהים</translation>
    </message>
    <message>
        <source>Several matches</source>
        <translation>כמה התאמות</translation>
    </message>
    <message>
        <source>Calls with failed sections</source>
        <translation>שיחות עם מקטעים שנכשלו</translation>
    </message>
    <message>
        <source>none</source>
        <translation>אין</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>כל תוצאה</translation>
    </message>
    <message>
        <source>e.g. sale</source>
        <translation>לדוגמה מכירה</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>מזהה לקוח</translation>
    </message>
    <message>
        <source>any format</source>
        <translation>בכל פורמט</translation>
    </message>
    <message>
        <source>in notes and names</source>
        <translation>בהערות ובשמות</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>החל</translation>
    </message>
    <message>
        <source>From</source>
        <translation>מתאריך</translation>
    </message>
    <message>
        <source>To</source>
        <translation>עד תאריך</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>צוות</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>טקסט</translation>
    </message>
    <message>
        <source>All my teams</source>
        <translation>כל הצוותים שלי</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>כל הנציגים</translation>
    </message>
    <message>
        <source>“To” is before “From”.</source>
        <translation>„עד תאריך” מוקדם מ„מתאריך”.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>„%1” אינו מספר טלפון.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>הטקסט ארוך מדי.</translation>
    </message>
    <message>
        <source>Type at least 3 characters to search the text.</source>
        <translation>יש להקליד לפחות 3 תווים לחיפוש בטקסט.</translation>
    </message>
    <message>
        <source>Connecting to the live floor…</source>
        <translation>מתחבר לתמונת המצב החיה…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>כעת</translation>
    </message>
    <message>
        <source>For</source>
        <translation>משך</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>צלצל</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>ממתין</translation>
    </message>
    <message>
        <source>Agents now</source>
        <translation>נציגים כעת</translation>
    </message>
    <message>
        <source>Missed calls not called back yet</source>
        <translation>שיחות שלא נענו ועדיין לא הוחזרו</translation>
    </message>
    <message>
        <source>Live: updated as calls change.</source>
        <translation>חי: מתעדכן עם שינויי השיחות.</translation>
    </message>
    <message>
        <source>Live floor interrupted, reconnecting: %1</source>
        <translation>תמונת המצב החיה נקטעה, מתחבר מחדש: %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>פנוי</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>זמן</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>שיחה</translation>
    </message>
    <message>
        <source>Pop ms</source>
        <translation>חלון ms</translation>
    </message>
    <message>
        <source>No calls match these filters.</source>
        <translation>אין שיחות התואמות את המסננים.</translation>
    </message>
    <message>
        <source>%1 calls shown; scroll for more.</source>
        <translation>מוצגות %1 שיחות; יש לגלול לעוד.</translation>
    </message>
    <message>
        <source>%1 calls.</source>
        <translation>%1 שיחות.</translation>
    </message>
    <message>
        <source>ringing</source>
        <translation>מצלצל</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>בשיחה</translation>
    </message>
    <message>
        <source>wrap-up</source>
        <translation>סיכום שיחה</translation>
    </message>
    <message>
        <source>rang</source>
        <translation>צלצל</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>הסתיימה</translation>
    </message>
    <message>
        <source>wrap-up saved</source>
        <translation>סיכום השיחה נשמר</translation>
    </message>
    <message>
        <source>Supervisor window…</source>
        <translation>חלון מפקח…</translation>
    </message>
    <message>
        <source>screenpop — supervisor (%1)</source>
        <translation>screenpop — מפקח (%1)</translation>
    </message>
    <message>
        <source>Export calls (CSV)…</source>
        <translation>ייצוא שיחות (CSV)…</translation>
    </message>
    <message>
        <source>Export calls (Excel)…</source>
        <translation>ייצוא שיחות (Excel)…</translation>
    </message>
    <message>
        <source>Live floor</source>
        <translation>תמונת מצב</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>נתונים</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>מחובר בתור %1</translation>
    </message>
    <message>
        <source>This login supervises no team: the DBA adds it to screenpop.supervisors.</source>
        <translation>משתמש זה אינו מפקח על צוות: מנהל מסד הנתונים מוסיף אותו ל-screenpop.supervisors.</translation>
    </message>
    <message>
        <source>That call is no longer there.</source>
        <translation>השיחה כבר אינה קיימת.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>ייצוא שיחות</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>הייצוא בוטל; דבר לא נכתב.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>מייצא…</translation>
    </message>
    <message>
        <source>Exported %1 calls to %2</source>
        <translation>יוצאו %1 שיחות אל %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>הייצוא נכשל: %1</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>ייצוא נתונים</translation>
    </message>
</context>
</TS>
