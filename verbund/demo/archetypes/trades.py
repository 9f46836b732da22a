"""Archetypes of manufacturing, construction and installation companies."""

from __future__ import annotations

from verbund.demo.archetypes import Archetype, Texts, item

INDUSTRY_DE = ("GmbH", "GmbH", "GmbH & Co. KG", "GmbH & Co. KG")
CRAFT_DE = ("GmbH", "GmbH", "GmbH & Co. KG", "e.K.", "e.K.")
INDUSTRY_NL = ("B.V.", "B.V.", "B.V.", "V.O.F.")
CRAFT_NL = ("B.V.", "V.O.F.", "V.O.F.", "eenmanszaak")

ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        key="metalwork",
        nace=("25.11", "25.12"),
        weight=4,
        employees=(6, 45),
        revenue_per_head=(110, 170),
        founded=(1955, 2012),
        legal_forms_de=CRAFT_DE,
        legal_forms_nl=CRAFT_NL,
        sectors=("F", "C", "41"),
        types=(0.75, 0.2, 0.05),
        sizes=("micro", "small", "medium"),
        customer_count=(40, 250),
        strengths=(
            ("production_capacity", 4),
            ("technical_know_how", 4),
            ("quality_management", 3),
            ("marketing", 2),
            ("digital", 2),
            ("sales", 3),
        ),
        goals=("expand_customer_base", "new_markets", "pool_resources", "referral_business"),
        forms=("project_group", "supplier_partnership", "referral_partnership"),
        de=Texts(
            names=("{surname} Metallbau", "Metallbau {surname}", "{surname} Stahl- und Metallbau"),
            descriptions=(
                "Metallbaubetrieb aus {city}: Treppen, Geländer, Vordächer und Stahlkonstruktionen "
                "für Gewerbe und private Bauherren {region}.",
                "Wir fertigen in {city} Stahl- und Edelstahlkonstruktionen nach Maß, von der "
                "Planung über die Fertigung in der eigenen Werkstatt bis zur Montage.",
            ),
            offers=(
                item(
                    "Treppen und Geländer aus Stahl und Edelstahl",
                    "Innen- und Außentreppen, Balkongeländer und Handläufe nach Maß, verzinkt "
                    "oder pulverbeschichtet, inklusive Montage.",
                    "Treppe, Geländer, Edelstahl, Balkon",
                ),
                item(
                    "Stahlkonstruktionen für Hallen und Anbauten",
                    "Stahlbau für Gewerbehallen, Carports, Bühnen und Vordächer mit eigener "
                    "Montagekolonne.",
                    "Stahlbau, Halle, Vordach, Montage",
                ),
                item(
                    "Tore und Zaunanlagen",
                    "Schiebetore, Industrietore und Zaunanlagen für Firmengelände und Wohnanlagen.",
                    "Tor, Zaun, Schiebetor",
                ),
            ),
            needs=(
                item(
                    "Statiker für Stahlkonstruktionen",
                    "Wir suchen ein Ingenieurbüro, das Statik und Ausführungsplanung für unsere "
                    "Hallen- und Treppenprojekte übernimmt.",
                    "Statik, Tragwerksplanung, Prüfstatik",
                    "71.12",
                ),
                item(
                    "Lohnfertigung von CNC-Drehteilen",
                    "Für Beschläge und Anschlussteile brauchen wir einen zuverlässigen Partner "
                    "für CNC-Dreh- und Frästeile in Kleinserien.",
                    "CNC, Drehteile, Frästeile, Lohnfertigung",
                    "25.62",
                ),
                item(
                    "Montagepersonal in Spitzenzeiten",
                    "Schweißer und Monteure auf Zeit, wenn mehrere Baustellen parallel laufen.",
                    "Schweißer, Monteur, Zeitarbeit",
                    "78.20",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Metaalbewerking",
                "Constructiebedrijf {surname}",
                "{surname} Staal- en Metaalbouw",
            ),
            descriptions=(
                "Metaalbedrijf uit {city} dat trappen, hekwerken, luifels en staalconstructies "
                "maakt voor bedrijven en particulieren {region}.",
                "Wij ontwerpen, produceren en monteren maatwerk in staal en rvs vanuit onze eigen "
                "werkplaats in {city}.",
            ),
            offers=(
                item(
                    "Trappen en balustrades",
                    "Stalen en rvs trappen, balustrades en leuningen op maat, gecoat of "
                    "verzinkt, inclusief montage.",
                    "trap, balustrade, rvs, leuning",
                ),
                item(
                    "Staalconstructies voor bedrijfshallen",
                    "Staalbouw voor hallen, overkappingen en entresols met een eigen montageploeg.",
                    "staalbouw, hal, entresol, montage",
                ),
                item(
                    "Poorten en hekwerken",
                    "Schuifpoorten en hekwerken voor bedrijfsterreinen.",
                    "poort, hekwerk, schuifpoort",
                ),
            ),
            needs=(
                item(
                    "Constructeur voor berekeningen",
                    "Wij zoeken een ingenieursbureau dat de constructieve berekeningen en "
                    "werktekeningen voor onze projecten verzorgt.",
                    "constructieberekening, constructeur, tekenwerk",
                    "71.12",
                ),
                item(
                    "CNC-draai- en freeswerk uitbesteden",
                    "Partner voor kleine series draai- en freesdelen voor bevestigingsmateriaal.",
                    "CNC, draaiwerk, freeswerk",
                    "25.62",
                ),
                item(
                    "Extra monteurs bij piekdrukte",
                    "Lassers en monteurs op uitzendbasis als meerdere projecten tegelijk lopen.",
                    "lasser, monteur, uitzendkracht",
                    "78.20",
                ),
            ),
        ),
    ),
    Archetype(
        key="cnc-machining",
        nace=("25.62",),
        weight=4,
        employees=(8, 60),
        revenue_per_head=(100, 160),
        founded=(1965, 2015),
        legal_forms_de=INDUSTRY_DE,
        legal_forms_nl=INDUSTRY_NL,
        sectors=("28", "29", "C"),
        types=(1.0, 0.0, 0.0),
        sizes=("small", "medium", "large"),
        customer_count=(15, 120),
        strengths=(
            ("production_capacity", 4),
            ("technical_know_how", 5),
            ("quality_management", 4),
            ("sales", 2),
            ("marketing", 1),
            ("international", 2),
        ),
        goals=("new_markets", "expand_customer_base", "share_risk", "pool_resources"),
        forms=("supplier_partnership", "project_group", "cross_border_partnership"),
        de=Texts(
            names=("{surname} Präzisionstechnik", "{surname} CNC-Technik", "Zerspanung {surname}"),
            descriptions=(
                "Lohnfertiger für CNC-Dreh- und Frästeile aus {city}, vom Prototyp bis zur "
                "Serie, für Maschinen- und Anlagenbauer {region}.",
                "Präzisionsteile aus Stahl, Aluminium und Kunststoff: wir fräsen und drehen auf "
                "modernen 5-Achs-Zentren und liefern nach Zeichnung.",
            ),
            offers=(
                item(
                    "CNC-Fräsen und -Drehen",
                    "Präzisionsteile in Einzelfertigung und Serie, 5-Achs-Bearbeitung, "
                    "Toleranzen bis ±0,01 mm.",
                    "CNC, Fräsen, Drehen, Präzisionsteile",
                ),
                item(
                    "Baugruppenmontage",
                    "Montage einbaufertiger Baugruppen inklusive Prüfprotokoll.",
                    "Baugruppe, Montage, Prüfprotokoll",
                ),
            ),
            needs=(
                item(
                    "Transportpartner für Teileanlieferung",
                    "Regelmäßige Touren zu Kunden in den Niederlanden, auch Teilladungen.",
                    "Spedition, Teilladung, Niederlande",
                    "49.41",
                ),
                item(
                    "Kontakte zu Maschinenbauern",
                    "Wir suchen Maschinen- und Anlagenbauer, die einen festen Zulieferer für "
                    "Dreh- und Frästeile brauchen.",
                    "Maschinenbau, Zulieferer, Sondermaschinen",
                    "28.99",
                ),
                item(
                    "Schulung zur ISO 9001",
                    "Unterstützung bei der Einführung eines Qualitätsmanagements nach ISO 9001.",
                    "ISO 9001, Qualitätsmanagement, Schulung",
                    "85.59",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Precisietechniek",
                "{surname} CNC Verspaning",
                "Fijnmechanisch Bedrijf {surname}",
            ),
            descriptions=(
                "Toeleverancier van CNC-draai- en freeswerk uit {city}, van prototype tot serie, "
                "voor de machinebouw {region} en in Duitsland.",
                "Wij verspanen precisieonderdelen in staal, aluminium en kunststof op moderne "
                "vijfassige bewerkingscentra.",
            ),
            offers=(
                item(
                    "CNC-frezen en -draaien",
                    "Precisieonderdelen in enkelstuks en series, vijfassig, nauwe toleranties.",
                    "CNC, frezen, draaien, precisie",
                ),
                item(
                    "Assemblage van modules",
                    "Montage van kant-en-klare modules inclusief meetrapport.",
                    "assemblage, module, meetrapport",
                ),
            ),
            needs=(
                item(
                    "Vervoerder voor leveringen in Duitsland",
                    "Vaste ritten naar klanten in het Münsterland en Osnabrück, ook deelladingen.",
                    "transport, deellading, Duitsland",
                    "49.41",
                ),
                item(
                    "Contact met machinebouwers",
                    "Machinebouwers die een vaste toeleverancier voor draai- en freeswerk zoeken.",
                    "machinebouw, toeleverancier",
                    "28.99",
                ),
                item(
                    "Training kwaliteitsmanagement",
                    "Hulp bij het invoeren van ISO 9001 in onze werkplaats.",
                    "ISO 9001, kwaliteit, training",
                    "85.59",
                ),
            ),
        ),
    ),
    Archetype(
        key="machine-building",
        nace=("28.99", "33.20"),
        weight=3,
        employees=(15, 120),
        revenue_per_head=(140, 220),
        founded=(1960, 2010),
        legal_forms_de=INDUSTRY_DE,
        legal_forms_nl=INDUSTRY_NL,
        sectors=("10", "22", "C"),
        types=(1.0, 0.0, 0.0),
        sizes=("medium", "large"),
        customer_count=(10, 80),
        strengths=(
            ("technical_know_how", 5),
            ("production_capacity", 4),
            ("international", 3),
            ("digital", 2),
            ("skilled_staff", 3),
            ("financing", 3),
        ),
        goals=("broaden_portfolio", "new_markets", "know_how_exchange", "share_risk"),
        forms=(
            "development_partnership",
            "project_group",
            "supplier_partnership",
            "cross_border_partnership",
        ),
        de=Texts(
            names=(
                "{surname} Maschinenbau",
                "{surname} Sondermaschinenbau",
                "{surname} Anlagentechnik",
            ),
            descriptions=(
                "Sondermaschinenbau aus {city}: wir entwickeln und bauen Montage-, Prüf- und "
                "Verpackungsanlagen für die Lebensmittel- und Kunststoffindustrie.",
                "Familiengeführter Maschinenbauer {region} mit eigener Konstruktion, Fertigung "
                "und Inbetriebnahme beim Kunden.",
            ),
            offers=(
                item(
                    "Sondermaschinen nach Kundenanforderung",
                    "Konstruktion und Bau von Montage- und Prüfanlagen, von der Idee bis zur "
                    "Abnahme.",
                    "Sondermaschine, Montageanlage, Prüfstand",
                ),
                item(
                    "Retrofit und Umbau bestehender Anlagen",
                    "Modernisierung älterer Maschinen, Sicherheitstechnik nach "
                    "Maschinenrichtlinie.",
                    "Retrofit, Modernisierung, CE-Kennzeichnung",
                ),
            ),
            needs=(
                item(
                    "Partner für Steuerungssoftware",
                    "Wir suchen einen Automatisierer, der SPS-Programmierung und Visualisierung "
                    "für unsere Anlagen übernimmt.",
                    "SPS, Steuerung, Visualisierung, Automatisierung",
                    "62.01,33.20",
                ),
                item(
                    "Schaltschrankbau",
                    "Zuverlässiger Partner für Schaltschränke nach unseren E-Plänen.",
                    "Schaltschrank, E-Plan, Elektrokonstruktion",
                    "27.12",
                ),
                item(
                    "Technische Übersetzungen ins Niederländische",
                    "Betriebsanleitungen und CE-Dokumentation für Kunden in den Niederlanden.",
                    "Übersetzung, Betriebsanleitung, Niederländisch",
                    "74.30",
                ),
                item(
                    "CNC-Teile in Kleinserie",
                    "Zulieferer für Dreh- und Frästeile mit kurzen Lieferzeiten.",
                    "CNC, Frästeile, Zulieferer",
                    "25.62",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Machinebouw",
                "{surname} Speciaalmachinebouw",
                "{surname} Engineering & Machinebouw",
            ),
            descriptions=(
                "Machinebouwer uit {city} die assemblage-, test- en verpakkingslijnen ontwikkelt "
                "voor de voedingsmiddelen- en kunststofindustrie.",
                "Familiebedrijf {region} met eigen engineering, productie en inbedrijfstelling "
                "bij de klant.",
            ),
            offers=(
                item(
                    "Speciaalmachines op maat",
                    "Ontwerp en bouw van assemblage- en testmachines, van idee tot oplevering.",
                    "speciaalmachine, assemblagelijn, testopstelling",
                ),
                item(
                    "Retrofit van bestaande machines",
                    "Modernisering van oudere machines, inclusief machineveiligheid en "
                    "CE-markering.",
                    "retrofit, modernisering, CE-markering",
                ),
            ),
            needs=(
                item(
                    "Partner voor besturingssoftware",
                    "Wij zoeken een automatiseerder voor PLC-programmering en visualisatie van "
                    "onze machines.",
                    "PLC, besturing, visualisatie, automatisering",
                    "62.01,33.20",
                ),
                item(
                    "Bouw van schakelkasten",
                    "Betrouwbare partner voor schakelkasten volgens onze elektrotekeningen.",
                    "schakelkast, paneelbouw, elektrotechniek",
                    "27.12",
                ),
                item(
                    "Technische vertalingen naar het Duits",
                    "Handleidingen en CE-documentatie voor klanten in Duitsland.",
                    "vertaling, handleiding, Duits",
                    "74.30",
                ),
                item(
                    "CNC-onderdelen in kleine series",
                    "Toeleverancier van draai- en freesdelen met korte levertijden.",
                    "CNC, freesdelen, toeleverancier",
                    "25.62",
                ),
            ),
        ),
    ),
    Archetype(
        key="automation",
        nace=("62.01", "33.20"),
        weight=3,
        employees=(4, 35),
        revenue_per_head=(90, 140),
        founded=(1988, 2018),
        legal_forms_de=("GmbH", "GmbH", "GmbH", "e.K."),
        legal_forms_nl=INDUSTRY_NL,
        sectors=("28", "10", "C"),
        types=(1.0, 0.0, 0.0),
        sizes=("small", "medium", "large"),
        customer_count=(10, 60),
        strengths=(
            ("technical_know_how", 5),
            ("digital", 5),
            ("skilled_staff", 3),
            ("sales", 2),
            ("production_capacity", 2),
            ("marketing", 2),
        ),
        goals=("expand_customer_base", "know_how_exchange", "new_markets", "broaden_portfolio"),
        forms=("development_partnership", "project_group", "outsourcing", "trusted_advisory"),
        de=Texts(
            names=(
                "{surname} Automatisierungstechnik",
                "{surname} Steuerungstechnik",
                "Automation {surname}",
            ),
            descriptions=(
                "Ingenieurteam aus {city} für SPS-Programmierung, Visualisierung und "
                "Inbetriebnahme von Maschinen und Anlagen.",
                "Wir automatisieren Produktionsanlagen {region}: Steuerungssoftware, "
                "Robotik-Integration und Anbindung an MES- und ERP-Systeme.",
            ),
            offers=(
                item(
                    "SPS-Programmierung und Visualisierung",
                    "Steuerungssoftware für Siemens und Beckhoff, HMI und Inbetriebnahme vor Ort.",
                    "SPS, Steuerung, HMI, Inbetriebnahme",
                ),
                item(
                    "Robotik-Integration",
                    "Einbindung von Industrierobotern in bestehende Linien inklusive "
                    "Sicherheitstechnik.",
                    "Roboter, Integration, Sicherheitstechnik",
                ),
            ),
            needs=(
                item(
                    "Schaltschrankbauer als fester Partner",
                    "Für unsere Projekte brauchen wir einen Schaltschrankbauer mit freien "
                    "Kapazitäten.",
                    "Schaltschrank, Verdrahtung, Kapazität",
                    "27.12",
                ),
                item(
                    "Maschinenbauer für gemeinsame Projekte",
                    "Wir möchten mit einem Sondermaschinenbauer Komplettanlagen anbieten.",
                    "Sondermaschinenbau, Komplettanlage, Projektgemeinschaft",
                    "28.99",
                ),
                item(
                    "Webentwicklung für Maschinendaten-Dashboards",
                    "Partner für Web-Frontends und Cloud-Anbindung unserer Anlagendaten.",
                    "Dashboard, Cloud, Webanwendung",
                    "62.01,63.11",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Automatisering",
                "{surname} Industriële Automatisering",
                "{surname} Besturingstechniek",
            ),
            descriptions=(
                "Engineeringsbureau uit {city} voor PLC-programmering, visualisatie en "
                "inbedrijfstelling van machines.",
                "Wij automatiseren productielijnen {region}: besturingssoftware, robotintegratie "
                "en koppelingen met MES en ERP.",
            ),
            offers=(
                item(
                    "PLC-programmering en HMI",
                    "Besturingssoftware voor Siemens en Beckhoff, visualisatie en "
                    "inbedrijfstelling op locatie.",
                    "PLC, besturing, HMI, inbedrijfstelling",
                ),
                item(
                    "Robotintegratie",
                    "Integratie van industriële robots in bestaande lijnen, inclusief veiligheid.",
                    "robot, integratie, machineveiligheid",
                ),
            ),
            needs=(
                item(
                    "Vaste partner voor schakelkastenbouw",
                    "Voor onze projecten zoeken wij een paneelbouwer met capaciteit.",
                    "schakelkast, paneelbouw, capaciteit",
                    "27.12",
                ),
                item(
                    "Machinebouwer voor gezamenlijke projecten",
                    "Samen met een machinebouwer complete lijnen aanbieden.",
                    "machinebouw, complete lijn, samenwerking",
                    "28.99",
                ),
                item(
                    "Webontwikkelaar voor dashboards",
                    "Partner voor webapplicaties en cloudkoppeling van machinedata.",
                    "dashboard, cloud, webapplicatie",
                    "62.01,63.11",
                ),
            ),
        ),
    ),
    Archetype(
        key="switchgear",
        nace=("27.12",),
        weight=2,
        employees=(8, 50),
        revenue_per_head=(110, 170),
        founded=(1975, 2012),
        legal_forms_de=INDUSTRY_DE,
        legal_forms_nl=INDUSTRY_NL,
        sectors=("28", "43", "C"),
        types=(0.95, 0.0, 0.05),
        sizes=("small", "medium", "large"),
        customer_count=(15, 90),
        strengths=(
            ("production_capacity", 4),
            ("quality_management", 4),
            ("technical_know_how", 4),
            ("marketing", 1),
            ("sales", 2),
            ("skilled_staff", 2),
        ),
        goals=("expand_customer_base", "pool_resources", "new_markets", "reduce_costs"),
        forms=("supplier_partnership", "outsourcing", "project_group"),
        de=Texts(
            names=(
                "{surname} Schaltanlagenbau",
                "{surname} Elektrotechnik und Schaltschrankbau",
                "Schaltschrankbau {surname}",
            ),
            descriptions=(
                "Schaltschrank- und Schaltanlagenbau in {city} für Maschinenbauer, "
                "Industrie und Energieversorger.",
                "Wir bauen Schaltschränke nach Kundenplänen oder übernehmen die komplette "
                "Elektrokonstruktion, geprüft nach DIN EN 61439.",
            ),
            offers=(
                item(
                    "Schaltschränke nach Plan",
                    "Aufbau, Verdrahtung und Prüfung von Steuerungs- und Verteilerschränken.",
                    "Schaltschrank, Verdrahtung, Prüfung, DIN EN 61439",
                ),
                item(
                    "Elektrokonstruktion mit EPLAN",
                    "Erstellung der Stromlaufpläne und Stücklisten für Maschinen.",
                    "EPLAN, Stromlaufplan, Elektrokonstruktion",
                ),
            ),
            needs=(
                item(
                    "Programmierer für Steuerungen",
                    "Partner, der die SPS-Software für unsere Schaltschränke liefert.",
                    "SPS, Programmierung, Steuerung",
                    "62.01,33.20",
                ),
                item(
                    "Elektriker auf Zeit",
                    "Verdrahter und Elektroniker in Auftragsspitzen.",
                    "Elektriker, Zeitarbeit, Verdrahter",
                    "78.20",
                ),
                item(
                    "Transport großer Schaltanlagen",
                    "Spedition mit Erfahrung im Transport schwerer Schaltschränke.",
                    "Spedition, Schwertransport, Schaltschrank",
                    "49.41",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Paneelbouw",
                "{surname} Elektrotechniek & Paneelbouw",
                "Schakelkastenbouw {surname}",
            ),
            descriptions=(
                "Paneelbouwer uit {city} voor machinebouwers, industrie en netbeheerders.",
                "Wij bouwen schakelkasten volgens tekening of verzorgen het complete "
                "elektrotechnische ontwerp, getest volgens NEN-EN-IEC 61439.",
            ),
            offers=(
                item(
                    "Schakelkasten op tekening",
                    "Opbouw, bedrading en test van besturings- en verdeelkasten.",
                    "schakelkast, bedrading, test",
                ),
                item(
                    "Elektrotechnisch ontwerp in EPLAN",
                    "Schema's en stuklijsten voor machines en installaties.",
                    "EPLAN, schema, ontwerp",
                ),
            ),
            needs=(
                item(
                    "PLC-programmeur als partner",
                    "Partner die de software voor onze besturingskasten levert.",
                    "PLC, programmering, besturing",
                    "62.01,33.20",
                ),
                item(
                    "Tijdelijke elektromonteurs",
                    "Bedraders en monteurs bij drukte.",
                    "elektromonteur, uitzendkracht",
                    "78.20",
                ),
                item(
                    "Transport van grote panelen",
                    "Vervoerder met ervaring in zware schakelkasten.",
                    "transport, zwaar, schakelkast",
                    "49.41",
                ),
            ),
        ),
    ),
    Archetype(
        key="plastics",
        nace=("22.29",),
        weight=2,
        employees=(10, 80),
        revenue_per_head=(120, 190),
        founded=(1965, 2010),
        legal_forms_de=INDUSTRY_DE,
        legal_forms_nl=INDUSTRY_NL,
        sectors=("C", "29", "27", "86"),
        types=(1.0, 0.0, 0.0),
        sizes=("medium", "large"),
        customer_count=(20, 100),
        strengths=(
            ("production_capacity", 5),
            ("quality_management", 4),
            ("technical_know_how", 4),
            ("international", 3),
            ("marketing", 2),
        ),
        goals=("broaden_portfolio", "new_markets", "reduce_costs", "know_how_exchange"),
        forms=("supplier_partnership", "development_partnership", "cross_border_partnership"),
        de=Texts(
            names=(
                "{surname} Kunststofftechnik",
                "{surname} Kunststoffverarbeitung",
                "{surname} Spritzguss",
            ),
            descriptions=(
                "Kunststoffspritzguss aus {city}: technische Formteile für Elektro-, Fahrzeug- "
                "und Medizintechnik, von 1.000 bis 1 Million Stück.",
                "Wir verarbeiten technische Kunststoffe {region} und begleiten Kunden von der "
                "Bauteilidee bis zur Serie.",
            ),
            offers=(
                item(
                    "Technische Spritzgussteile",
                    "Formteile aus PA, PBT, POM und PP in mittleren und großen Serien.",
                    "Spritzguss, Formteil, Kunststoff, Serie",
                ),
                item(
                    "Montage und Veredelung",
                    "Ultraschallschweißen, Bedrucken und Montage von Kunststoffbaugruppen.",
                    "Ultraschallschweißen, Tampondruck, Montage",
                ),
            ),
            needs=(
                item(
                    "Werkzeugbau und Formenänderungen",
                    "Partner für Änderungen und Wartung unserer Spritzgießwerkzeuge.",
                    "Werkzeugbau, Formenbau, Wartung",
                    "25.73,25.62",
                ),
                item(
                    "Konstruktion kunststoffgerechter Bauteile",
                    "Ingenieurbüro, das Kunden bei der Bauteilkonstruktion unterstützt.",
                    "Konstruktion, Bauteil, Simulation",
                    "71.12",
                ),
                item(
                    "Automatisierung der Entnahme",
                    "Partner für Handling- und Robotiklösungen an unseren Maschinen.",
                    "Robotik, Handling, Automatisierung",
                    "62.01,33.20",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Kunststoftechniek",
                "{surname} Spuitgiettechniek",
                "{surname} Kunststoffen",
            ),
            descriptions=(
                "Kunststofspuitgieterij uit {city}: technische onderdelen voor elektrotechniek, "
                "automotive en medische technologie.",
                "Wij verwerken technische kunststoffen {region} en begeleiden klanten van "
                "productidee tot serieproductie.",
            ),
            offers=(
                item(
                    "Technische spuitgietdelen",
                    "Onderdelen van PA, PBT, POM en PP in middelgrote en grote series.",
                    "spuitgieten, kunststof, serie",
                ),
                item(
                    "Assemblage en nabewerking",
                    "Ultrasoon lassen, bedrukken en assembleren van kunststof modules.",
                    "ultrasoon lassen, tampondruk, assemblage",
                ),
            ),
            needs=(
                item(
                    "Matrijzenbouw en onderhoud",
                    "Partner voor aanpassingen en onderhoud van onze matrijzen.",
                    "matrijzenbouw, gereedschap, onderhoud",
                    "25.73,25.62",
                ),
                item(
                    "Productontwerp voor kunststof",
                    "Ingenieursbureau dat klanten helpt bij kunststofgericht ontwerpen.",
                    "productontwerp, engineering, simulatie",
                    "71.12",
                ),
                item(
                    "Automatisering van de uitname",
                    "Partner voor handling en robots bij onze spuitgietmachines.",
                    "robot, handling, automatisering",
                    "62.01,33.20",
                ),
            ),
        ),
    ),
    Archetype(
        key="electrician",
        nace=("43.21",),
        weight=5,
        employees=(3, 40),
        revenue_per_head=(80, 130),
        founded=(1950, 2020),
        legal_forms_de=CRAFT_DE,
        legal_forms_nl=CRAFT_NL,
        sectors=("F", "68", "C"),
        types=(0.5, 0.45, 0.05),
        sizes=("micro", "small", "medium"),
        customer_count=(80, 600),
        strengths=(
            ("technical_know_how", 4),
            ("customer_service", 4),
            ("skilled_staff", 2),
            ("marketing", 2),
            ("digital", 3),
        ),
        goals=("referral_business", "pool_resources", "expand_customer_base", "reduce_costs"),
        forms=("referral_partnership", "project_group", "marketing_alliance"),
        de=Texts(
            names=("Elektro {surname}", "{surname} Elektrotechnik", "{surname} Elektroanlagen"),
            descriptions=(
                "Elektrofachbetrieb aus {city}: Installation, Photovoltaik, Wallboxen und "
                "Gebäudetechnik für Privat- und Gewerbekunden.",
                "Meisterbetrieb {region} für Elektroinstallation, Smart Home und E-Mobilität, "
                "mit eigenem Kundendienst.",
            ),
            offers=(
                item(
                    "Elektroinstallation für Neubau und Sanierung",
                    "Komplette Elektroinstallation, Zählerschränke und Prüfungen nach DGUV V3.",
                    "Elektroinstallation, Zählerschrank, DGUV V3",
                ),
                item(
                    "Photovoltaik und Wallboxen",
                    "Planung und Montage von PV-Anlagen, Speichern und Ladestationen.",
                    "Photovoltaik, Speicher, Wallbox, E-Mobilität",
                ),
                item(
                    "Smart-Home-Lösungen",
                    "KNX-Installation, Beleuchtungssteuerung und Sicherheitstechnik.",
                    "KNX, Smart Home, Sicherheitstechnik",
                ),
            ),
            needs=(
                item(
                    "SHK-Betrieb für gemeinsame Angebote",
                    "Für Wärmepumpen und Komplettsanierungen suchen wir einen Heizungsbauer, "
                    "mit dem wir gemeinsam anbieten.",
                    "Wärmepumpe, Heizung, Sanierung, Angebotsgemeinschaft",
                    "43.22",
                ),
                item(
                    "Dachdecker für PV-Montage",
                    "Partner für Dacharbeiten und Unterkonstruktion bei PV-Projekten.",
                    "Dachdecker, PV, Unterkonstruktion",
                    "43.91",
                ),
                item(
                    "IT-Partner für Netzwerke",
                    "Wir verlegen die Kabel, suchen aber einen Partner für WLAN, Server und "
                    "Netzwerkkonfiguration.",
                    "Netzwerk, WLAN, IT-Service",
                    "62.02,62.09",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "Elektrotechniek {surname}",
                "{surname} Elektro",
                "{surname} Installatietechniek",
            ),
            descriptions=(
                "Erkend installatiebedrijf uit {city}: elektra, zonnepanelen, laadpalen en "
                "domotica voor particulieren en bedrijven.",
                "Elektrotechnisch bedrijf {region} voor installaties, slimme woningen en "
                "e-mobiliteit, met eigen servicedienst.",
            ),
            offers=(
                item(
                    "Elektrische installaties",
                    "Complete elektra voor nieuwbouw en renovatie, groepenkasten en NEN 3140-"
                    "inspecties.",
                    "elektra, groepenkast, NEN 3140",
                ),
                item(
                    "Zonnepanelen en laadpalen",
                    "Ontwerp en montage van zonnestroominstallaties, thuisbatterijen en laadpalen.",
                    "zonnepanelen, thuisbatterij, laadpaal",
                ),
                item(
                    "Domotica",
                    "KNX-installaties, lichtsturing en beveiliging.",
                    "KNX, domotica, beveiliging",
                ),
            ),
            needs=(
                item(
                    "Installateur voor gezamenlijke offertes",
                    "Voor warmtepompen en complete renovaties zoeken wij een installateur "
                    "verwarming en sanitair om samen offertes te maken.",
                    "warmtepomp, verwarming, renovatie",
                    "43.22",
                ),
                item(
                    "Dakdekker voor zonnepanelen",
                    "Partner voor dakwerk en onderconstructies bij zonnepaneelprojecten.",
                    "dakdekker, zonnepanelen, onderconstructie",
                    "43.91",
                ),
                item(
                    "IT-partner voor netwerken",
                    "Wij leggen de bekabeling aan, maar zoeken een partner voor wifi, servers en "
                    "netwerkbeheer.",
                    "netwerk, wifi, ICT-beheer",
                    "62.02,62.09",
                ),
            ),
        ),
    ),
    Archetype(
        key="hvac",
        nace=("43.22",),
        weight=5,
        employees=(3, 45),
        revenue_per_head=(90, 140),
        founded=(1950, 2018),
        legal_forms_de=CRAFT_DE,
        legal_forms_nl=CRAFT_NL,
        sectors=("F", "68", "86"),
        types=(0.4, 0.55, 0.05),
        sizes=("micro", "small", "medium"),
        customer_count=(100, 800),
        strengths=(
            ("technical_know_how", 4),
            ("customer_service", 4),
            ("skilled_staff", 2),
            ("digital", 2),
            ("marketing", 2),
            ("sales", 3),
        ),
        goals=("referral_business", "pool_resources", "expand_customer_base", "share_risk"),
        forms=("referral_partnership", "project_group", "marketing_alliance"),
        de=Texts(
            names=(
                "{surname} Haustechnik",
                "{surname} Sanitär und Heizung",
                "{surname} Heizung Sanitär Klima",
            ),
            descriptions=(
                "SHK-Meisterbetrieb aus {city}: Heizung, Wärmepumpen, Bäder und Lüftung für "
                "Eigenheime und Gewerbe.",
                "Wir planen und installieren Heizungs- und Sanitäranlagen {region} und "
                "kümmern uns mit unserem Kundendienst auch um die Wartung.",
            ),
            offers=(
                item(
                    "Wärmepumpen und Heizungsmodernisierung",
                    "Beratung, Förderantrag und Einbau von Wärmepumpen und Hybridheizungen.",
                    "Wärmepumpe, Heizung, Förderung, Modernisierung",
                ),
                item(
                    "Badsanierung aus einer Hand",
                    "Barrierefreie Bäder von der Planung bis zur Übergabe.",
                    "Bad, Sanierung, barrierefrei",
                ),
                item(
                    "Lüftung und Klima",
                    "Kontrollierte Wohnraumlüftung und Klimaanlagen für Büros.",
                    "Lüftung, Klimaanlage, Wohnraumlüftung",
                ),
            ),
            needs=(
                item(
                    "Elektriker für gemeinsame Ausschreibungen",
                    "Für öffentliche und gewerbliche Ausschreibungen suchen wir einen "
                    "Elektrobetrieb als festen Partner in der Bietergemeinschaft.",
                    "Elektriker, Ausschreibung, Bietergemeinschaft",
                    "43.21",
                ),
                item(
                    "TGA-Planung und Energieberatung",
                    "Ingenieurbüro für Heizlastberechnung und Fördermittelberatung.",
                    "TGA, Heizlast, Energieberatung",
                    "71.12",
                ),
                item(
                    "Maler und Fliesenleger für Badsanierungen",
                    "Partner für Wandflächen und Fliesen, damit wir Bäder komplett anbieten "
                    "können.",
                    "Maler, Fliesen, Badsanierung",
                    "43.34,43.33",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Installatietechniek",
                "Installatiebedrijf {surname}",
                "{surname} Loodgieters- en Verwarmingsbedrijf",
            ),
            descriptions=(
                "Installatiebedrijf uit {city} voor verwarming, warmtepompen, badkamers en "
                "ventilatie bij particulieren en bedrijven.",
                "Wij ontwerpen en installeren verwarmings- en sanitaire installaties {region} en "
                "verzorgen met onze servicedienst ook het onderhoud.",
            ),
            offers=(
                item(
                    "Warmtepompen en verduurzaming",
                    "Advies, subsidieaanvraag en installatie van warmtepompen en hybride systemen.",
                    "warmtepomp, verduurzaming, subsidie",
                ),
                item(
                    "Complete badkamerrenovatie",
                    "Levensloopbestendige badkamers van ontwerp tot oplevering.",
                    "badkamer, renovatie, levensloopbestendig",
                ),
                item(
                    "Ventilatie en airco",
                    "Balansventilatie en airconditioning voor woningen en kantoren.",
                    "ventilatie, airco, WTW",
                ),
            ),
            needs=(
                item(
                    "Elektricien voor gezamenlijke aanbestedingen",
                    "Voor aanbestedingen zoeken wij een elektrotechnisch bedrijf als vaste "
                    "partner in een combinatie.",
                    "elektricien, aanbesteding, combinatie",
                    "43.21",
                ),
                item(
                    "Installatieadvies en energieadvies",
                    "Ingenieursbureau voor warmteverliesberekeningen en energielabels.",
                    "installatieadvies, energielabel, berekening",
                    "71.12",
                ),
                item(
                    "Schilder en tegelzetter voor badkamers",
                    "Partner voor wanden en tegelwerk zodat wij badkamers compleet opleveren.",
                    "schilder, tegelzetter, badkamer",
                    "43.34,43.33",
                ),
            ),
        ),
    ),
    Archetype(
        key="carpentry",
        nace=("16.23", "43.32"),
        weight=4,
        employees=(2, 25),
        revenue_per_head=(70, 120),
        founded=(1950, 2019),
        legal_forms_de=CRAFT_DE,
        legal_forms_nl=CRAFT_NL,
        sectors=("F", "47", "68"),
        types=(0.35, 0.6, 0.05),
        sizes=("micro", "small"),
        customer_count=(40, 300),
        strengths=(
            ("technical_know_how", 4),
            ("quality_management", 4),
            ("customer_service", 4),
            ("marketing", 2),
            ("digital", 1),
            ("sales", 2),
        ),
        goals=("joint_marketing", "referral_business", "expand_customer_base", "broaden_portfolio"),
        forms=("referral_partnership", "marketing_alliance", "project_group"),
        de=Texts(
            names=("Tischlerei {surname}", "{surname} Holzwerkstatt", "Schreinerei {surname}"),
            descriptions=(
                "Tischlerei aus {city}: Einbaumöbel, Innentüren, Fenster und Ladenbau nach Maß.",
                "Handwerksbetrieb {region} mit eigener Werkstatt für Möbel, Treppen und "
                "Innenausbau aus Holz.",
            ),
            offers=(
                item(
                    "Einbaumöbel und Innenausbau",
                    "Schränke, Küchen und Wandverkleidungen nach Maß aus eigener Fertigung.",
                    "Einbauschrank, Innenausbau, Möbel nach Maß",
                ),
                item(
                    "Fenster und Türen aus Holz",
                    "Holzfenster, Haustüren und Innentüren inklusive Einbau.",
                    "Fenster, Haustür, Innentür",
                ),
                item(
                    "Ladenbau und Praxiseinrichtung",
                    "Theken, Regale und Empfangsbereiche für Geschäfte und Praxen.",
                    "Ladenbau, Praxiseinrichtung, Theke",
                ),
            ),
            needs=(
                item(
                    "Malerbetrieb für Oberflächen",
                    "Partner für Lackierungen und Wandgestaltung bei Innenausbauten.",
                    "Maler, Lack, Innenausbau",
                    "43.34",
                ),
                item(
                    "Architekt oder Innenarchitekt",
                    "Wir suchen Planer, die Kunden mit Einbaumöbelwünschen an uns vermitteln.",
                    "Innenarchitektur, Planung, Empfehlung",
                    "71.11",
                ),
                item(
                    "Fotos und Website für unsere Referenzen",
                    "Professionelle Fotos unserer Arbeiten und eine neue Website.",
                    "Fotografie, Website, Referenzen",
                    "74.20,73.11",
                ),
            ),
        ),
        nl=Texts(
            names=("Timmerbedrijf {surname}", "{surname} Interieurbouw", "Meubelmakerij {surname}"),
            descriptions=(
                "Timmerbedrijf uit {city}: maatwerkkasten, binnendeuren, kozijnen en "
                "winkelinterieurs.",
                "Ambachtelijk bedrijf {region} met eigen werkplaats voor meubels, trappen en "
                "interieurbouw.",
            ),
            offers=(
                item(
                    "Maatwerkkasten en interieurbouw",
                    "Kasten, keukens en wandbekleding op maat uit eigen werkplaats.",
                    "maatwerk, inbouwkast, interieur",
                ),
                item(
                    "Houten kozijnen en deuren",
                    "Kozijnen, voordeuren en binnendeuren inclusief plaatsing.",
                    "kozijn, voordeur, binnendeur",
                ),
                item(
                    "Winkel- en praktijkinrichting",
                    "Balies, schappen en ontvangstruimtes voor winkels en praktijken.",
                    "winkelinrichting, balie, praktijk",
                ),
            ),
            needs=(
                item(
                    "Schilder voor de afwerking",
                    "Partner voor lakwerk en wandafwerking bij interieurprojecten.",
                    "schilder, lakwerk, afwerking",
                    "43.34",
                ),
                item(
                    "Architect of interieurontwerper",
                    "Ontwerpers die klanten met maatwerkwensen naar ons doorverwijzen.",
                    "interieurontwerp, architect, doorverwijzing",
                    "71.11",
                ),
                item(
                    "Foto's en website",
                    "Professionele foto's van ons werk en een nieuwe website.",
                    "fotografie, website, portfolio",
                    "74.20,73.11",
                ),
            ),
        ),
    ),
    Archetype(
        key="roofing",
        nace=("43.91",),
        weight=3,
        employees=(3, 30),
        revenue_per_head=(80, 130),
        founded=(1955, 2016),
        legal_forms_de=CRAFT_DE,
        legal_forms_nl=CRAFT_NL,
        sectors=("F", "68", "01"),
        types=(0.45, 0.5, 0.05),
        sizes=("micro", "small", "medium"),
        customer_count=(60, 400),
        strengths=(
            ("technical_know_how", 4),
            ("production_capacity", 3),
            ("skilled_staff", 2),
            ("marketing", 2),
            ("digital", 1),
        ),
        goals=("pool_resources", "referral_business", "broaden_portfolio", "reduce_costs"),
        forms=("project_group", "referral_partnership", "supplier_partnership"),
        de=Texts(
            names=("Bedachungen {surname}", "{surname} Dach und Wand", "Dachdeckerei {surname}"),
            descriptions=(
                "Dachdeckermeisterbetrieb aus {city}: Steil- und Flachdach, Dachsanierung und "
                "Dachbegrünung.",
                "Wir decken und sanieren Dächer {region}, von der Scheune bis zum Bürogebäude, "
                "inklusive Dämmung und Entwässerung.",
            ),
            offers=(
                item(
                    "Dachsanierung mit Dämmung",
                    "Neueindeckung, Aufsparrendämmung und Dachfenster für Bestandsgebäude.",
                    "Dachsanierung, Dämmung, Dachfenster",
                ),
                item(
                    "Flachdach und Gründach",
                    "Abdichtung von Flachdächern und extensive Dachbegrünung für Gewerbebauten.",
                    "Flachdach, Abdichtung, Gründach",
                ),
            ),
            needs=(
                item(
                    "Elektriker für Photovoltaik",
                    "Bei Dachsanierungen wünschen Kunden PV: wir suchen einen Elektrobetrieb "
                    "für Anschluss und Inbetriebnahme.",
                    "Photovoltaik, Elektriker, Anschluss",
                    "43.21",
                ),
                item(
                    "Zimmerei für Dachstühle",
                    "Partner für Holzkonstruktionen und Dachstuhlreparaturen.",
                    "Zimmerei, Dachstuhl, Holzbau",
                    "16.23",
                ),
                item(
                    "Gerüstbau und Hilfskräfte",
                    "Personal auf Zeit für große Dachflächen im Sommer.",
                    "Gerüst, Hilfskraft, Zeitarbeit",
                    "78.20",
                ),
            ),
        ),
        nl=Texts(
            names=("Dakdekkersbedrijf {surname}", "{surname} Dakwerken", "{surname} Dak & Gevel"),
            descriptions=(
                "Dakdekkersbedrijf uit {city}: hellende en platte daken, dakrenovatie en "
                "groene daken.",
                "Wij leggen en renoveren daken {region}, van schuur tot kantoorpand, inclusief "
                "isolatie en afwatering.",
            ),
            offers=(
                item(
                    "Dakrenovatie met isolatie",
                    "Nieuwe dakbedekking, dakisolatie en dakramen voor bestaande gebouwen.",
                    "dakrenovatie, isolatie, dakraam",
                ),
                item(
                    "Platte daken en groene daken",
                    "Bitumen en EPDM voor bedrijfspanden en sedumdaken.",
                    "plat dak, EPDM, sedumdak",
                ),
            ),
            needs=(
                item(
                    "Elektricien voor zonnepanelen",
                    "Klanten willen bij een nieuw dak zonnepanelen: wij zoeken een elektricien "
                    "voor aansluiting en oplevering.",
                    "zonnepanelen, elektricien, aansluiting",
                    "43.21",
                ),
                item(
                    "Timmerman voor dakconstructies",
                    "Partner voor houtconstructies en reparaties van kappen.",
                    "timmerman, kapconstructie, houtbouw",
                    "16.23",
                ),
                item(
                    "Steigerbouw en extra handen",
                    "Tijdelijk personeel voor grote dakoppervlakken in de zomer.",
                    "steiger, uitzendkracht, zomer",
                    "78.20",
                ),
            ),
        ),
    ),
    Archetype(
        key="painter",
        nace=("43.34",),
        weight=4,
        employees=(2, 30),
        revenue_per_head=(55, 90),
        founded=(1950, 2020),
        legal_forms_de=CRAFT_DE,
        legal_forms_nl=CRAFT_NL,
        sectors=("F", "68", "84"),
        types=(0.4, 0.5, 0.1),
        sizes=("micro", "small", "medium"),
        customer_count=(60, 500),
        strengths=(
            ("customer_service", 4),
            ("skilled_staff", 2),
            ("quality_management", 3),
            ("marketing", 2),
            ("digital", 2),
        ),
        goals=("referral_business", "joint_marketing", "expand_customer_base", "pool_resources"),
        forms=("referral_partnership", "marketing_alliance", "project_group"),
        de=Texts(
            names=(
                "Malerbetrieb {surname}",
                "{surname} Malerwerkstätten",
                "{surname} Farbe und Raum",
            ),
            descriptions=(
                "Malermeisterbetrieb aus {city}: Innen- und Fassadenarbeiten, Bodenbeläge und "
                "Wärmedämmverbundsysteme.",
                "Wir gestalten Räume und Fassaden {region} für Privatkunden, Wohnungsbau-"
                "gesellschaften und Gewerbe.",
            ),
            offers=(
                item(
                    "Fassadenanstrich und Wärmedämmung",
                    "Fassadensanierung, WDVS und Anstriche mit eigenem Gerüst.",
                    "Fassade, WDVS, Anstrich",
                ),
                item(
                    "Innenraumgestaltung und Bodenbeläge",
                    "Tapezier-, Lackier- und Spachteltechniken, Vinyl- und Teppichböden.",
                    "Tapezieren, Lackieren, Bodenbelag",
                ),
            ),
            needs=(
                item(
                    "Gebäudereinigung für die Bauendreinigung",
                    "Partner, der nach unseren Arbeiten die Endreinigung übernimmt.",
                    "Bauendreinigung, Reinigung, Übergabe",
                    "81.21,81.22",
                ),
                item(
                    "Tischler und Trockenbauer für Komplettrenovierungen",
                    "Wir möchten Renovierungen gemeinsam mit Tischler und Trockenbauer anbieten.",
                    "Tischler, Trockenbau, Renovierung",
                    "43.32,16.23",
                ),
                item(
                    "Werbung für Privatkunden",
                    "Agentur für Flyer, Fahrzeugbeschriftung und Social Media.",
                    "Werbung, Social Media, Fahrzeugbeschriftung",
                    "73.11",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "Schildersbedrijf {surname}",
                "{surname} Schilderwerken",
                "{surname} Afbouw & Kleur",
            ),
            descriptions=(
                "Schildersbedrijf uit {city}: binnen- en buitenschilderwerk, wandafwerking en "
                "gevelisolatie.",
                "Wij verzorgen schilderwerk {region} voor particulieren, woningcorporaties en "
                "bedrijven.",
            ),
            offers=(
                item(
                    "Buitenschilderwerk en gevelrenovatie",
                    "Gevelrenovatie, houtrotherstel en schilderwerk met eigen steiger.",
                    "buitenschilderwerk, gevel, houtrot",
                ),
                item(
                    "Binnenschilderwerk en wandafwerking",
                    "Sauswerk, behang, lakwerk en vloerafwerking.",
                    "binnenschilderwerk, behang, vloer",
                ),
            ),
            needs=(
                item(
                    "Schoonmaakbedrijf voor de opleveringsschoonmaak",
                    "Partner die na onze werkzaamheden de bouwschoonmaak doet.",
                    "bouwschoonmaak, oplevering, schoonmaak",
                    "81.21,81.22",
                ),
                item(
                    "Timmerman voor totale renovaties",
                    "Samen met een timmerbedrijf renovaties compleet aanbieden.",
                    "timmerman, renovatie, samenwerking",
                    "43.32,16.23",
                ),
                item(
                    "Reclame voor particuliere klanten",
                    "Bureau voor folders, autobelettering en social media.",
                    "reclame, social media, belettering",
                    "73.11",
                ),
            ),
        ),
    ),
    Archetype(
        key="construction",
        nace=("41.20",),
        weight=3,
        employees=(15, 150),
        revenue_per_head=(130, 220),
        founded=(1950, 2010),
        legal_forms_de=("GmbH", "GmbH & Co. KG", "GmbH & Co. KG"),
        legal_forms_nl=("B.V.", "B.V.", "B.V."),
        sectors=("68", "84", "C", "F"),
        types=(0.55, 0.3, 0.15),
        sizes=("small", "medium", "large"),
        customer_count=(30, 200),
        strengths=(
            ("production_capacity", 4),
            ("financing", 4),
            ("skilled_staff", 2),
            ("technical_know_how", 4),
            ("digital", 2),
            ("international", 2),
        ),
        goals=("share_risk", "pool_resources", "new_markets", "overcome_entry_barriers"),
        forms=(
            "project_group",
            "joint_venture",
            "supplier_partnership",
            "cross_border_partnership",
        ),
        de=Texts(
            names=("{surname} Bau", "Bauunternehmung {surname}", "{surname} Hoch- und Tiefbau"),
            descriptions=(
                "Bauunternehmen aus {city}: schlüsselfertiger Gewerbe- und Wohnungsbau, "
                "Rohbau und Umbauten im Bestand.",
                "Mittelständischer Baubetrieb {region} mit eigenen Kolonnen für Rohbau, "
                "Betonbau und Sanierung.",
            ),
            offers=(
                item(
                    "Schlüsselfertiger Gewerbebau",
                    "Hallen, Bürogebäude und Praxen aus einer Hand zum Festpreis.",
                    "schlüsselfertig, Gewerbebau, Festpreis",
                ),
                item(
                    "Rohbau und Betonarbeiten",
                    "Rohbau für Wohn- und Geschäftshäuser, Fundamente und Bodenplatten.",
                    "Rohbau, Beton, Fundament",
                ),
            ),
            needs=(
                item(
                    "Haustechnik-Partner für Generalunternehmer-Projekte",
                    "Elektro- und SHK-Betriebe, mit denen wir Komplettangebote abgeben.",
                    "Haustechnik, Elektro, SHK, Generalunternehmer",
                    "43.21,43.22",
                ),
                item(
                    "Tragwerksplanung",
                    "Ingenieurbüro für Statik und Bewehrungspläne.",
                    "Statik, Bewehrung, Tragwerksplanung",
                    "71.12",
                ),
                item(
                    "Baufacharbeiter auf Zeit",
                    "Maurer und Betonbauer in der Hochsaison.",
                    "Maurer, Betonbauer, Zeitarbeit",
                    "78.20",
                ),
            ),
        ),
        nl=Texts(
            names=("Bouwbedrijf {surname}", "{surname} Bouw", "Aannemersbedrijf {surname}"),
            descriptions=(
                "Bouwbedrijf uit {city}: sleutelklare bedrijfshallen, woningbouw en verbouwingen.",
                "Middelgroot bouwbedrijf {region} met eigen ploegen voor ruwbouw, betonwerk en "
                "renovatie.",
            ),
            offers=(
                item(
                    "Sleutelklare bedrijfsbouw",
                    "Hallen, kantoren en praktijkruimtes voor een vaste prijs.",
                    "bedrijfsbouw, sleutelklaar, vaste prijs",
                ),
                item(
                    "Ruwbouw en betonwerk",
                    "Ruwbouw voor woningen en bedrijfspanden, funderingen en vloeren.",
                    "ruwbouw, beton, fundering",
                ),
            ),
            needs=(
                item(
                    "Installatiepartners voor bouwteams",
                    "Elektra- en W-installateurs om samen complete projecten aan te bieden.",
                    "installatie, elektra, bouwteam",
                    "43.21,43.22",
                ),
                item(
                    "Constructieadvies",
                    "Ingenieursbureau voor constructieberekeningen en wapeningstekeningen.",
                    "constructie, wapening, berekening",
                    "71.12",
                ),
                item(
                    "Tijdelijke bouwvakkers",
                    "Metselaars en betonwerkers in het hoogseizoen.",
                    "metselaar, betonwerker, uitzendkracht",
                    "78.20",
                ),
            ),
        ),
    ),
    Archetype(
        key="landscaping",
        nace=("81.30",),
        weight=3,
        employees=(3, 35),
        revenue_per_head=(55, 95),
        founded=(1965, 2020),
        legal_forms_de=CRAFT_DE,
        legal_forms_nl=CRAFT_NL,
        sectors=("68", "84", "F"),
        types=(0.4, 0.45, 0.15),
        sizes=("micro", "small", "medium"),
        customer_count=(50, 400),
        strengths=(
            ("customer_service", 4),
            ("production_capacity", 3),
            ("skilled_staff", 2),
            ("marketing", 2),
            ("digital", 1),
        ),
        goals=("broaden_portfolio", "referral_business", "pool_resources", "joint_marketing"),
        forms=("referral_partnership", "project_group", "marketing_alliance"),
        de=Texts(
            names=(
                "{surname} Garten- und Landschaftsbau",
                "Gartenbau {surname}",
                "{surname} GaLaBau",
            ),
            descriptions=(
                "Garten- und Landschaftsbau aus {city}: Gartenplanung, Pflasterarbeiten, "
                "Teichbau und Grünpflege.",
                "Wir planen, bauen und pflegen Gärten und Außenanlagen {region} für "
                "Privatkunden, Gewerbe und Kommunen.",
            ),
            offers=(
                item(
                    "Gartengestaltung und Pflasterarbeiten",
                    "Terrassen, Wege, Einfahrten und Bepflanzungen nach eigener Planung.",
                    "Garten, Pflaster, Terrasse, Bepflanzung",
                ),
                item(
                    "Grünpflege für Gewerbeflächen",
                    "Ganzjährige Pflege von Firmengeländen und Wohnanlagen.",
                    "Grünpflege, Winterdienst, Außenanlagen",
                ),
            ),
            needs=(
                item(
                    "Metallbauer für Zäune und Tore",
                    "Partner für Zaunanlagen, Sichtschutz und Carports in unseren Projekten.",
                    "Zaun, Tor, Carport",
                    "25.11",
                ),
                item(
                    "Gebäudereinigung für Facility-Pakete",
                    "Gemeinsam mit einem Reinigungsbetrieb Hausmeister- und Pflegepakete anbieten.",
                    "Facility Management, Reinigung, Paket",
                    "81.21",
                ),
                item(
                    "Tiefbau für größere Außenanlagen",
                    "Bauunternehmen für Erdarbeiten und Entwässerung.",
                    "Erdarbeiten, Entwässerung, Tiefbau",
                    "41.20",
                ),
            ),
        ),
        nl=Texts(
            names=("Hoveniersbedrijf {surname}", "{surname} Tuin & Landschap", "{surname} Groen"),
            descriptions=(
                "Hoveniersbedrijf uit {city}: tuinontwerp, bestrating, vijvers en groenonderhoud.",
                "Wij ontwerpen, leggen aan en onderhouden tuinen en buitenruimtes {region} "
                "voor particulieren, bedrijven en gemeenten.",
            ),
            offers=(
                item(
                    "Tuinaanleg en bestrating",
                    "Terrassen, paden, opritten en beplanting op basis van eigen ontwerp.",
                    "tuinaanleg, bestrating, terras",
                ),
                item(
                    "Groenonderhoud voor bedrijven",
                    "Onderhoud van bedrijfsterreinen en wooncomplexen het hele jaar door.",
                    "groenonderhoud, gladheidsbestrijding, bedrijfsterrein",
                ),
            ),
            needs=(
                item(
                    "Metaalbedrijf voor hekwerken en poorten",
                    "Partner voor hekwerken, schermen en carports in onze projecten.",
                    "hekwerk, poort, carport",
                    "25.11",
                ),
                item(
                    "Schoonmaakbedrijf voor facilitaire pakketten",
                    "Samen met een schoonmaakbedrijf onderhoudspakketten aanbieden.",
                    "facilitair, schoonmaak, pakket",
                    "81.21",
                ),
                item(
                    "Grondwerk voor grotere projecten",
                    "Bouwbedrijf voor grondverzet en riolering.",
                    "grondverzet, riolering, grondwerk",
                    "41.20",
                ),
            ),
        ),
    ),
)
