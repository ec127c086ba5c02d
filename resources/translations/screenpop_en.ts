<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountViews</name>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>%Ln day overdue</numerusform>
            <numerusform>%Ln days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusinessWords</name>
    <message numerus="yes">
        <source>bought with %1 by %Ln customer(s)</source>
        <translation>
            <numerusform>bought with %1 by %Ln customer</numerusform>
            <numerusform>bought with %1 by %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>popular with %Ln customer(s) in the last %1 days</source>
        <translation>
            <numerusform>popular with %Ln customer in the last %1 days</numerusform>
            <numerusform>popular with %Ln customers in the last %1 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bought by %Ln customer(s)</source>
        <translation>
            <numerusform>bought by %Ln customer</numerusform>
            <numerusform>bought by %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, due now</source>
        <translation>
            <numerusform>orders about every %Ln day; last on %1, due now</numerusform>
            <numerusform>orders about every %Ln days; last on %1, due now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, overdue</source>
        <translation>
            <numerusform>orders about every %Ln day; last on %1, overdue</numerusform>
            <numerusform>orders about every %Ln days; last on %1, overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln day(s); last on %1, next around %2</source>
        <translation>
            <numerusform>orders about every %Ln day; last on %1, next around %2</numerusform>
            <numerusform>orders about every %Ln days; last on %1, next around %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, due now</source>
        <translation>
            <numerusform>orders about every %Ln week; last on %1, due now</numerusform>
            <numerusform>orders about every %Ln weeks; last on %1, due now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, overdue</source>
        <translation>
            <numerusform>orders about every %Ln week; last on %1, overdue</numerusform>
            <numerusform>orders about every %Ln weeks; last on %1, overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln week(s); last on %1, next around %2</source>
        <translation>
            <numerusform>orders about every %Ln week; last on %1, next around %2</numerusform>
            <numerusform>orders about every %Ln weeks; last on %1, next around %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, due now</source>
        <translation>
            <numerusform>orders about every %Ln month; last on %1, due now</numerusform>
            <numerusform>orders about every %Ln months; last on %1, due now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, overdue</source>
        <translation>
            <numerusform>orders about every %Ln month; last on %1, overdue</numerusform>
            <numerusform>orders about every %Ln months; last on %1, overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>orders about every %Ln month(s); last on %1, next around %2</source>
        <translation>
            <numerusform>orders about every %Ln month; last on %1, next around %2</numerusform>
            <numerusform>orders about every %Ln months; last on %1, next around %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>below every tier (%1 &lt; %2 or fewer than %Ln order(s))</source>
        <translation>
            <numerusform>below every tier (%1 &lt; %2 or fewer than %Ln order)</numerusform>
            <numerusform>below every tier (%1 &lt; %2 or fewer than %Ln orders)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 needs %Ln order(s)</source>
        <translation>
            <numerusform>%1 needs %Ln order</numerusform>
            <numerusform>%1 needs %Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last order %Ln day(s) ago</source>
        <translation>
            <numerusform>last order %Ln day ago</numerusform>
            <numerusform>last order %Ln days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down from %1: no order for over %Ln day(s)</source>
        <translation>
            <numerusform>down from %1: no order for over %Ln day</numerusform>
            <numerusform>down from %1: no order for over %Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message numerus="yes">
        <source>and %n more cases</source>
        <translation>
            <numerusform>and %n more case</numerusform>
            <numerusform>and %n more cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PopHeader</name>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>%Ln more ringing</numerusform>
            <numerusform>%Ln more ringing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) share this number</source>
        <translation>
            <numerusform>%Ln customer has this number</numerusform>
            <numerusform>%Ln customers share this number</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Choose a customer (%Ln match(es))…</source>
        <translation>
            <numerusform>Choose a customer (%Ln match)…</numerusform>
            <numerusform>Choose a customer (%Ln matches)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message numerus="yes">
        <source>%1 is failing (%Ln error(s) in a row); retrying in %2 s</source>
        <translation>
            <numerusform>%1 is failing (%Ln error in a row); retrying in %2 s</numerusform>
            <numerusform>%1 is failing (%Ln errors in a row); retrying in %2 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReordersView</name>
    <message numerus="yes">
        <source>Bought %n times</source>
        <translation>
            <numerusform>Bought %n time</numerusform>
            <numerusform>Bought %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n days</source>
        <translation>
            <numerusform>Orders about every %n day</numerusform>
            <numerusform>Orders about every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n weeks</source>
        <translation>
            <numerusform>Orders about every %n week</numerusform>
            <numerusform>Orders about every %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders about every %n months</source>
        <translation>
            <numerusform>Orders about every %n month</numerusform>
            <numerusform>Orders about every %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewWords</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <extracomment>``render(data, formats, card currency, previous)`` → the section&apos;s widget; ``previous`` is what the renderer returned for this box before (or None), to be filled again and returned when it is of the right kind. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
</context>
</TS>
