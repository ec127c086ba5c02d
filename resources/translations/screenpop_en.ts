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
    <name>PopHeader</name>
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
    <name>PopWindow</name>
    <message numerus="yes">
        <source>%Ln more ringing</source>
        <translation>
            <numerusform>%Ln more ringing</numerusform>
            <numerusform>%Ln more ringing</numerusform>
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
    <name>ViewWords</name>
    <message numerus="yes">
        <source>and %Ln more</source>
        <extracomment>``render(data, formats, card currency)`` → the section&apos;s widget. Rows a table view shows; the rest is one line (&quot;and 4 more&quot;).</extracomment>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
</context>
</TS>
