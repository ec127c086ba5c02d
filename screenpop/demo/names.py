"""Given names and family names per language, for the demo's generated customers.

The retail data has real customer numbers and countries but no names or phone
numbers (they were never published). The demo invents them, and invented
people should look like the people a call centre in that country really talks
to: correct diacritics (Jääskeläinen, Åström, Kazlauskienė), family names that
agree with gender where the language wants it (Kowalski/Kowalska), and native
script where the customer's own records would hold it (Hebrew, Arabic, Greek,
Japanese), because the pop window must render those, right-to-left included.

Each language has male and female given names and family names. A family name
written ``"Male/Female"`` has a gendered form; otherwise it is the same for
both. ``FAMILY_FIRST`` languages write the family name first.

Why this module is long: it is a table of names, one entry per language, and
reads best whole; there is no logic to split out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NameList:
    """Names of one language; ``family_first`` orders "family given"."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]
    family_first: bool = False


def _split(text: str) -> tuple[str, ...]:
    """Names are written one per ``;`` so that multi-word names stay whole."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


NAMES: dict[str, NameList] = {
    "en_GB": NameList(
        male=_split(
            "Oliver; George; Harry; Jack; Jacob; Noah; Charlie; Thomas; Oscar; William; James; "
            "Henry; Leo; Alfie; Joshua; Freddie; Archie; Ethan; Isaac; Alexander; Daniel; "
            "Samuel; Joseph; Edward; Benjamin; Matthew; David; Richard; Andrew; Peter; Michael; "
            "Paul; Mark; Stephen; Christopher; Simon; Gareth; Ian; Graham; Rhys; Callum; Rajesh; "
            "Imran; Tariq; Sanjay"
        ),
        female=_split(
            "Olivia; Amelia; Isla; Ava; Emily; Sophie; Grace; Mia; Poppy; Ella; Lily; Jessica; "
            "Charlotte; Evie; Isabella; Freya; Alice; Florence; Harriet; Eleanor; Sarah; Emma; "
            "Rebecca; Hannah; Laura; Claire; Helen; Rachel; Joanne; Nicola; Karen; Susan; "
            "Margaret; Catherine; Elizabeth; Victoria; Fiona; Siân; Bethan; Morag; Priya; "
            "Aisha; Nadia; Zoë; Chloë"
        ),
        family=_split(
            "Smith; Jones; Taylor; Brown; Williams; Wilson; Johnson; Davies; Robinson; Wright; "
            "Thompson; Evans; Walker; White; Roberts; Green; Hall; Wood; Jackson; Clarke; "
            "Patel; Khan; Lewis; Harrison; Edwards; Hughes; Turner; Hill; Cooper; Ward; "
            "Morris; Moore; Clark; Lee; King; Baker; Harris; Martin; Morgan; Allen; James; "
            "Scott; Phillips; Watson; Davis; Parker; Price; Bennett; Young; Griffiths; "
            "Mitchell; Kelly; Cook; Carter; Richardson; Bailey; Collins; Bell; Shaw; Murphy; "
            "Miller; Cox; Richards; Marshall; Anderson; Simpson; Ellis; Adams; Singh; "
            "Begum; Wilkinson; Foster; Chapman; Powell; Webb; Rogers; Gray; Mason; Ali; "
            "Hunt; Hussain; Campbell; Matthews; Owen; Palmer; Holmes; Mills; Barnes; Knight; "
            "Lloyd; Butler; Russell; Barker; Fisher; Stevens; Jenkins; Murray; Dixon; Harvey; "
            "MacDonald; MacLeod; Fraser; Llewellyn; Pritchard; Ashworth; Fairbairn"
        ),
    ),
    "en_IE": NameList(
        male=_split(
            "Seán; Conor; Cian; Darragh; Oisín; Pádraig; Liam; Eoin; Ciarán; Fionn; Tadhg; "
            "Niall; Declan; Colm; Donal; Ronan; Brendan; Séamus"
        ),
        female=_split(
            "Aoife; Siobhán; Niamh; Caoimhe; Saoirse; Róisín; Sinéad; Órla; Clodagh; Áine; "
            "Gráinne; Méabh; Eimear; Deirdre; Mairéad; Bríd"
        ),
        family=_split(
            "Murphy; Kelly; O'Sullivan; Walsh; Byrne; Ryan; O'Brien; O'Connor; "
            "Ó Súilleabháin/Ní Shúilleabháin; Mac Giolla Phádraig/Nic Giolla Phádraig; "
            "Doyle; McCarthy; Gallagher; Ó Ceallaigh/Ní Cheallaigh; Kennedy; Lynch; "
            "Quinn; Ó Briain/Ní Bhriain; Fitzgerald; Brennan; Nolan; Dunne"
        ),
    ),
    "en_US": NameList(
        male=_split(
            "Michael; James; John; Robert; David; William; Christopher; Matthew; Joshua; "
            "Daniel; Andrew; Ryan; Tyler; Brandon; Justin; Kevin; Jason; Eric; Marcus; Luis; "
            "Carlos; Jamal; Wei; Arjun"
        ),
        female=_split(
            "Jennifer; Jessica; Ashley; Sarah; Emily; Amanda; Elizabeth; Megan; Lauren; "
            "Rachel; Stephanie; Nicole; Brittany; Samantha; Hannah; Madison; Maria; Keisha; "
            "Mei; Priya; Chantal; Geneviève"
        ),
        family=_split(
            "Smith; Johnson; Williams; Brown; Jones; Garcia; Miller; Davis; Rodriguez; "
            "Martinez; Anderson; Taylor; Thomas; Moore; Jackson; Martin; Thompson; White; "
            "Harris; Clark; Nguyen; Kim; Tremblay; Gagnon; Roy; Côté; Bouchard; MacLean; Chen; "
            "O'Neill; Nowak; Kowalczyk"
        ),
    ),
    "en_AU": NameList(
        male=_split(
            "Jack; William; Oliver; Noah; Thomas; Lachlan; Cooper; Riley; James; Lucas; "
            "Hamish; Angus; Mitchell; Bradley; Nathan; Liam; Minh; Dimitri"
        ),
        female=_split(
            "Charlotte; Olivia; Chloe; Emily; Sienna; Matilda; Isabella; Zoe; Jessica; Kate; "
            "Tahlia; Brooke; Jasmine; Kirra; Mei; Sophia"
        ),
        family=_split(
            "Smith; Jones; Williams; Brown; Wilson; Taylor; Johnson; White; Martin; Anderson; "
            "Thompson; Nguyen; Thomas; Walker; Harris; Lee; Ryan; Robinson; Kelly; King; "
            "Papadopoulos; Russo; O'Brien; McKenzie"
        ),
    ),
    "en_ZA": NameList(
        male=_split(
            "Thabo; Sipho; Johan; Pieter; Willem; Themba; Mandla; Jacques; Andile; Francois; "
            "Riaan; Kagiso; Lwazi; Ruan; David; Neo"
        ),
        female=_split(
            "Nomvula; Thandiwe; Anél; Marelize; Lindiwe; Zanele; Carla; Annemarie; Palesa; "
            "Naledi; Elmarie; Ayanda; Sarah; Lerato"
        ),
        family=_split(
            "van der Merwe; Botha; Nkosi; Dlamini; Ndlovu; Pretorius; Khumalo; Mokoena; "
            "Naidoo; du Plessis; Venter; Mahlangu; Coetzee; Smith; Steyn; Mthembu; Jacobs; "
            "Fourie; Pillay; Mabaso"
        ),
    ),
    "en_SG": NameList(
        male=_split(
            "Wei Jie; Jun Hao; Zhi Hao; Kai Wen; Jian Ming; Wei Ming; Cheng Long; Yong Sheng; "
            "Jun Jie; Zhen Yu; Guo Wei; Hong Wei"
        ),
        female=_split(
            "Hui Min; Xin Yi; Jia Ying; Shu Fen; Mei Ling; Li Ting; Pei Shan; Xiu Ying; "
            "Jia Hui; Wan Ting; Yi Ling; Su Lin"
        ),
        family=_split(
            "Tan; Lim; Lee; Ng; Ong; Wong; Goh; Chua; Chan; Koh; Teo; Ang; Yeo; Tay; Ho; Low"
        ),
        family_first=True,
    ),
    "de": NameList(
        male=_split(
            "Lukas; Maximilian; Jonas; Leon; Felix; Paul; Finn; Elias; Tobias; Jürgen; Jörg; "
            "Klaus; Stefan; Andreas; Thomas; Michael; Matthias; Sebastian; Florian; Markus; "
            "Uwe; Dieter; Wolfgang; Björn; Sören; Ümit; Niklas; Moritz; Bernd; Günther"
        ),
        female=_split(
            "Anna; Lea; Hannah; Sophie; Marie; Lena; Laura; Julia; Katharina; Sabine; "
            "Ursula; Monika; Petra; Birgit; Claudia; Susanne; Andrea; Anja; Jana; Käthe; "
            "Lisa; Franziska; Stefanie; Jutta; Elke; Gisela; Annegret; Dörte; Maren; Jördis"
        ),
        family=_split(
            "Müller; Schmidt; Schneider; Fischer; Weber; Meyer; Wagner; Becker; Schulz; "
            "Hoffmann; Schäfer; Koch; Bauer; Richter; Klein; Wolf; Schröder; Neumann; "
            "Schwarz; Zimmermann; Braun; Krüger; Hofmann; Hartmann; Lange; Schmitt; Werner; "
            "Krause; Meier; Lehmann; Schmid; Köhler; Huber; Gruber; Wimmer; Pichler; "
            "Steiner; Moser; Brunner; Egger; Keller; Meister; Graf; Frei; Baumgartner; Gößling; "
            "Weiß; Jäger; Böhm; Vogt; Öztürk; Yılmaz"
        ),
    ),
    "fr": NameList(
        male=_split(
            "Jean; Pierre; Louis; Lucas; Hugo; Gabriel; Arthur; Jules; Théo; Raphaël; "
            "Mathéo; Nicolas; Julien; François; Stéphane; Frédéric; Sébastien; Jérôme; "
            "Olivier; Benoît; Loïc; Gaël; Hervé; Mehdi; Karim; Yannick; Cédric; Thierry"
        ),
        female=_split(
            "Marie; Camille; Léa; Manon; Chloé; Inès; Emma; Jade; Louise; Zoé; Élodie; "
            "Céline; Nathalie; Isabelle; Sophie; Amélie; Hélène; Aurélie; Mélanie; Valérie; "
            "Françoise; Brigitte; Gaëlle; Noémie; Maëlle; Anaïs; Fatima; Clémence"
        ),
        family=_split(
            "Martin; Bernard; Thomas; Petit; Robert; Richard; Durand; Dubois; Moreau; "
            "Laurent; Simon; Michel; Lefèvre; Leroy; Roux; David; Bertrand; Morel; Fournier; "
            "Girard; Bonnet; Dupont; Lambert; Fontaine; Rousseau; Vincent; Müller; Lefebvre; "
            "Faure; André; Mercier; Blanc; Guérin; Boyer; Garnier; Chevalier; François; "
            "Legrand; Gauthier; Perrin; Benoît; Bélanger; Mbappé; Benali; Nguyen"
        ),
    ),
    "nl": NameList(
        male=_split(
            "Daan; Sem; Lucas; Bram; Thijs; Jeroen; Pieter; Joost; Maarten; Sander; Bas; "
            "Ruud; Wouter; Kees; Hendrik; Jan; Stijn; Wim; Geert; Koen"
        ),
        female=_split(
            "Emma; Julia; Sophie; Anouk; Sanne; Lotte; Femke; Eva; Marieke; Ineke; Annelies; "
            "Mieke; Els; Liesbeth; Noor; Saar; Fleur; Hanneke"
        ),
        family=_split(
            "de Jong; Jansen; de Vries; van den Berg; van Dijk; Bakker; Janssen; Visser; "
            "Smit; Meijer; de Boer; Mulder; de Groot; Bos; Vos; Peters; Hendriks; van Leeuwen; "
            "Dekker; Brouwer; Peeters; Maes; Jacobs; Mertens; Willems; Claes; Goossens; "
            "Wouters; De Smet; Vermeulen; Van Damme; Dubois"
        ),
    ),
    "es": NameList(
        male=_split(
            "Antonio; José; Manuel; Francisco; Javier; David; Daniel; Carlos; Jesús; "
            "Alejandro; Miguel; Rafael; Pablo; Sergio; Álvaro; Adrián; Íñigo; Jordi; Xavier; "
            "Óscar; Rubén; Andrés"
        ),
        female=_split(
            "María; Carmen; Ana; Laura; Isabel; Lucía; Marta; Cristina; Paula; Elena; Sofía; "
            "Nuria; Montserrat; Begoña; Pilar; Rocío; Inés; Ainhoa; Núria; Concepción"
        ),
        family=_split(
            "García; Rodríguez; González; Fernández; López; Martínez; Sánchez; Pérez; Gómez; "
            "Martín; Jiménez; Ruiz; Hernández; Díaz; Moreno; Muñoz; Álvarez; Romero; Alonso; "
            "Gutiérrez; Navarro; Torres; Domínguez; Vázquez; Ramos; Gil; Ramírez; Serrano; "
            "Blanco; Suárez; Castaño; Ibáñez; Puig; Ferrer"
        ),
    ),
    "pt": NameList(
        male=_split(
            "João; José; António; Francisco; Pedro; Tiago; Rui; Luís; Gonçalo; Duarte; "
            "Afonso; Rodrigo; Miguel; Diogo; Lucas; Gabriel; Matheus; Thiago; Vinícius; "
            "Caio; Sérgio; Fábio"
        ),
        female=_split(
            "Maria; Ana; Inês; Beatriz; Mariana; Joana; Leonor; Margarida; Sofia; Catarina; "
            "Conceição; Fátima; Luísa; Júlia; Larissa; Letícia; Gabriela; Fernanda; Patrícia; "
            "Vitória"
        ),
        family=_split(
            "Silva; Santos; Ferreira; Pereira; Oliveira; Costa; Rodrigues; Martins; Jesus; "
            "Sousa; Fernandes; Gonçalves; Gomes; Lopes; Marques; Alves; Almeida; Ribeiro; "
            "Pinto; Carvalho; Teixeira; Moreira; Correia; Magalhães; Araújo; Conceição; "
            "Brandão; Gusmão"
        ),
    ),
    "it": NameList(
        male=_split(
            "Marco; Giuseppe; Giovanni; Antonio; Luca; Alessandro; Andrea; Francesco; Matteo; "
            "Lorenzo; Davide; Stefano; Nicolò; Niccolò; Salvatore; Gianluca; Pietro; Fabrizio"
        ),
        female=_split(
            "Giulia; Francesca; Chiara; Sara; Martina; Valentina; Alessia; Federica; Elena; "
            "Giorgia; Silvia; Paola; Beatrice; Lucrezia; Ilaria; Annalisa; Noemi; Raffaella"
        ),
        family=_split(
            "Rossi; Russo; Ferrari; Esposito; Bianchi; Romano; Colombo; Ricci; Marino; "
            "Greco; Bruno; Gallo; Conti; De Luca; Mancini; Costa; Giordano; Rizzo; Lombardi; "
            "Moretti; Barbieri; Fontana; Santoro; Mariani; Rinaldi; Caruso; Ferrara; Galli; "
            "D'Angelo; Longo; Leone"
        ),
    ),
    "fi": NameList(
        male=_split(
            "Juha; Timo; Matti; Mikko; Jari; Kari; Antti; Jukka; Mika; Markku; Pekka; Hannu; "
            "Heikki; Janne; Ville; Teemu; Eero; Väinö; Onni; Eetu; Lauri; Aleksi"
        ),
        female=_split(
            "Anna; Maria; Tuula; Päivi; Leena; Ritva; Pirjo; Sirpa; Merja; Minna; Tiina; "
            "Hanna; Sanna; Johanna; Laura; Aino; Eveliina; Ella; Siiri; Kerttu; Marjatta"
        ),
        family=_split(
            "Korhonen; Virtanen; Mäkinen; Nieminen; Mäkelä; Hämäläinen; Laine; Heikkinen; "
            "Koskinen; Järvinen; Lehtonen; Lehtinen; Saarinen; Salminen; Heinonen; Niemi; "
            "Heikkilä; Kinnunen; Salonen; Turunen; Jääskeläinen; Räsänen; Väisänen; Kärkkäinen; "
            "Hyvönen; Pöyhönen; Åkerlund; Söderholm"
        ),
    ),
    "sv": NameList(
        male=_split(
            "Lars; Anders; Johan; Per; Erik; Karl; Mikael; Nils; Björn; Göran; Sven; Olof; "
            "Håkan; Jörgen; Måns; Oskar; Axel; Hugo; Elias; Linus"
        ),
        female=_split(
            "Anna; Eva; Maria; Karin; Kristina; Lena; Kerstin; Ingrid; Birgitta; Åsa; Märta; "
            "Linnéa; Ebba; Elsa; Saga; Maja; Astrid; Signe; Agnes; Ylva"
        ),
        family=_split(
            "Andersson; Johansson; Karlsson; Nilsson; Eriksson; Larsson; Olsson; Persson; "
            "Svensson; Gustafsson; Pettersson; Jonsson; Jansson; Hansson; Bengtsson; "
            "Lindström; Åström; Öberg; Ström; Sjöberg; Lindqvist; Bäckström; Hedström; "
            "Wållgren; Ångström; Löfgren"
        ),
    ),
    "no": NameList(
        male=_split(
            "Jan; Per; Bjørn; Ole; Lars; Kjell; Knut; Arne; Svein; Geir; Håkon; Øyvind; "
            "Tor; Sindre; Magnus; Jonas; Emil; Ståle"
        ),
        female=_split(
            "Anne; Inger; Kari; Marit; Ingrid; Liv; Eva; Berit; Astrid; Bjørg; Solveig; "
            "Hilde; Tone; Åse; Sigrid; Nora; Ingeborg; Ragnhild"
        ),
        family=_split(
            "Hansen; Johansen; Olsen; Larsen; Andersen; Pedersen; Nilsen; Kristiansen; "
            "Jensen; Karlsen; Johnsen; Pettersen; Eriksen; Berg; Haugen; Hagen; Johannessen; "
            "Bakken; Sæther; Løken; Kvåle; Ødegård; Solberg; Strøm; Aasen; Dahl"
        ),
    ),
    "da": NameList(
        male=_split(
            "Peter; Jens; Lars; Michael; Henrik; Søren; Thomas; Niels; Jesper; Rasmus; "
            "Morten; Anders; Mads; Frederik; Jørgen; Bent"
        ),
        female=_split(
            "Anne; Kirsten; Mette; Hanne; Susanne; Lene; Camilla; Pia; Louise; Sofie; Ida; "
            "Freja; Birthe; Jytte; Gitte; Signe"
        ),
        family=_split(
            "Nielsen; Jensen; Hansen; Pedersen; Andersen; Christensen; Larsen; Sørensen; "
            "Rasmussen; Jørgensen; Petersen; Madsen; Kristensen; Olsen; Thomsen; Møller; "
            "Kjær; Lund; Østergaard; Dahl"
        ),
    ),
    "is": NameList(
        male=_split(
            "Jón; Sigurður; Guðmundur; Gunnar; Ólafur; Einar; Kristján; Magnús; Stefán; "
            "Þórður; Björn; Ragnar"
        ),
        female=_split(
            "Guðrún; Anna; Kristín; Sigríður; Margrét; Helga; Sigrún; Ingibjörg; Jóhanna; "
            "Þóra; Ásdís; Hildur"
        ),
        family=_split(
            "Jónsson/Jónsdóttir; Sigurðsson/Sigurðardóttir; Guðmundsson/Guðmundsdóttir; "
            "Gunnarsson/Gunnarsdóttir; Ólafsson/Ólafsdóttir; Einarsson/Einarsdóttir; "
            "Kristjánsson/Kristjánsdóttir; Magnússon/Magnúsdóttir; Stefánsson/Stefánsdóttir; "
            "Þórðarson/Þórðardóttir"
        ),
    ),
    "pl": NameList(
        male=_split(
            "Piotr; Krzysztof; Andrzej; Tomasz; Paweł; Michał; Marcin; Grzegorz; Łukasz; "
            "Jakub; Mateusz; Wojciech; Kamil; Zbigniew; Jerzy"
        ),
        female=_split(
            "Anna; Maria; Katarzyna; Małgorzata; Agnieszka; Barbara; Ewa; Joanna; "
            "Magdalena; Zofia; Jadwiga; Dorota; Beata; Urszula; Żaneta"
        ),
        family=_split(
            "Nowak/Nowak; Kowalski/Kowalska; Wiśniewski/Wiśniewska; Wójcik/Wójcik; "
            "Kowalczyk/Kowalczyk; Kamiński/Kamińska; Lewandowski/Lewandowska; "
            "Zieliński/Zielińska; Szymański/Szymańska; Woźniak/Woźniak; "
            "Dąbrowski/Dąbrowska; Kozłowski/Kozłowska; Jankowski/Jankowska; Mazur/Mazur; "
            "Krawczyk/Krawczyk; Grabowski/Grabowska; Pawłowski/Pawłowska; Michalski/Michalska"
        ),
    ),
    "cs": NameList(
        male=_split(
            "Jiří; Jan; Petr; Josef; Pavel; Martin; Tomáš; Jaroslav; Miroslav; Zdeněk; "
            "Václav; Michal; Lukáš; Ondřej"
        ),
        female=_split(
            "Marie; Jana; Eva; Hana; Anna; Lenka; Kateřina; Věra; Lucie; Alena; Petra; "
            "Jaroslava; Zdeňka; Tereza"
        ),
        family=_split(
            "Novák/Nováková; Svoboda/Svobodová; Novotný/Novotná; Dvořák/Dvořáková; "
            "Černý/Černá; Procházka/Procházková; Kučera/Kučerová; Veselý/Veselá; "
            "Horák/Horáková; Němec/Němcová; Pokorný/Pokorná; Marek/Marková; "
            "Růžička/Růžičková; Král/Králová"
        ),
    ),
    "lt": NameList(
        male=_split(
            "Jonas; Tomas; Mantas; Darius; Paulius; Andrius; Vytautas; Mindaugas; Giedrius; "
            "Tadas; Žygimantas; Rokas; Lukas; Kęstutis; Gintautas; Šarūnas"
        ),
        female=_split(
            "Rūta; Agnė; Jurgita; Inga; Laura; Kristina; Vilma; Aušra; Eglė; Gintarė; "
            "Ieva; Rasa; Milda; Dalia; Živilė; Aistė"
        ),
        family=_split(
            "Kazlauskas/Kazlauskienė; Jankauskas/Jankauskienė; Petrauskas/Petrauskienė; "
            "Stankevičius/Stankevičienė; Vasiliauskas/Vasiliauskienė; Žukauskas/Žukauskienė; "
            "Butkus/Butkienė; Paulauskas/Paulauskienė; Urbonas/Urbonienė; "
            "Kavaliauskas/Kavaliauskienė; Navickas/Navickienė; Šimkus/Šimkienė; "
            "Balčiūnas/Balčiūnienė; Černiauskas/Černiauskienė"
        ),
    ),
    "el": NameList(
        male=_split(
            "Γιώργος; Δημήτρης; Κωνσταντίνος; Γιάννης; Νίκος; Παναγιώτης; Βασίλης; Χρήστος; "
            "Αθανάσιος; Μιχάλης; Ανδρέας; Σπύρος; Ευάγγελος; Στέλιος"
        ),
        female=_split(
            "Μαρία; Ελένη; Αικατερίνη; Βασιλική; Σοφία; Αγγελική; Γεωργία; Δήμητρα; "
            "Κωνσταντίνα; Παρασκευή; Ευαγγελία; Χριστίνα; Δέσποινα; Αναστασία"
        ),
        family=_split(
            "Παπαδόπουλος/Παπαδοπούλου; Παπαγεωργίου/Παπαγεωργίου; Οικονόμου/Οικονόμου; "
            "Γεωργίου/Γεωργίου; Νικολάου/Νικολάου; Βασιλείου/Βασιλείου; "
            "Παπανικολάου/Παπανικολάου; Ιωάννου/Ιωάννου; Κωνσταντινίδης/Κωνσταντινίδου; "
            "Αντωνίου/Αντωνίου; Χριστοδούλου/Χριστοδούλου; Καραγιάννης/Καραγιάννη; "
            "Πετρίδης/Πετρίδου; Αθανασίου/Αθανασίου"
        ),
    ),
    "he": NameList(
        male=_split("יוסף; דוד; משה; אברהם; יעקב; אורי; נועם; איתי; עומר; אריאל; יונתן; דניאל"),
        female=_split("שרה; רחל; מרים; נועה; תמר; מיכל; יעל; שירה; אביגיל; הדס; מאיה; רות"),
        family=_split(
            "כהן; לוי; מזרחי; פרץ; ביטון; דהן; אברהם; פרידמן; אזולאי; מלכה; חדד; גבאי; "
            "שפירא; קפלן; רוזנברג; אוחיון"
        ),
    ),
    "ar": NameList(
        male=_split(
            "محمد; أحمد; علي; عمر; خالد; يوسف; إبراهيم; عبدالله; سلمان; فيصل; حسن; طارق; جورج; إيلي"
        ),
        female=_split(
            "فاطمة; مريم; عائشة; نورة; سارة; ليلى; هدى; رنا; ريم; لمى; دانة; منى; نادين; ريتا"
        ),
        family=_split(
            "الحربي; العتيبي; القحطاني; الشمري; الدوسري; المنصوري; الكعبي; الهاشمي; حداد; "
            "خوري; نصر الله; الخليفة; الجلاهمة; السويدي; عبد الله; الأنصاري"
        ),
    ),
    "ja": NameList(
        male=_split("翔太; 大輔; 健太; 拓也; 陽斗; 蓮; 悠真; 湊; 誠; 浩二; 隆; 直樹"),
        female=_split("陽菜; 結衣; 美咲; さくら; 葵; 由美子; 恵子; 真由美; 愛; 千尋; 彩; 優子"),
        family=_split(
            "佐藤; 鈴木; 高橋; 田中; 伊藤; 渡辺; 山本; 中村; 小林; 加藤; 吉田; 山田; 佐々木; "
            "山口; 松本; 井上"
        ),
        family_first=True,
    ),
    "mt": NameList(
        male=_split(
            "Joseph; John; Mario; Carmel; Anthony; Paul; Charles; Raymond; Jean Paul; Luke; "
            "Matthew; Ġużeppi; Ċensu; Kurt"
        ),
        female=_split(
            "Maria; Carmen; Rita; Doris; Josephine; Marthese; Graziella; Claire; Nicole; "
            "Martina; Ġorġina; Rebecca"
        ),
        family=_split(
            "Borg; Camilleri; Vella; Farrugia; Zammit; Galea; Micallef; Grech; Attard; "
            "Spiteri; Azzopardi; Mizzi; Cassar; Debono; Caruana; Xuereb; Muscat; Saliba"
        ),
    ),
}
