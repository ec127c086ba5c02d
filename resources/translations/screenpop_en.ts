<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
    <name>SectionViews</name>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>%Ln day overdue</numerusform>
            <numerusform>%Ln days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
</context>
</TS>
