"""Archetypes of business, technical and creative service companies."""

from __future__ import annotations

from verbund.demo.archetypes import Archetype, Texts, item

OFFICE_DE = ("GmbH", "GmbH", "GmbH", "e.K.")
OFFICE_NL = ("B.V.", "B.V.", "V.O.F.", "eenmanszaak")

ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        key="engineering",
        nace=("71.12",),
        weight=3,
        employees=(3, 40),
        revenue_per_head=(80, 120),
        founded=(1970, 2018),
        legal_forms_de=("GmbH", "GmbH", "GmbH & Co. KG"),
        legal_forms_nl=OFFICE_NL,
        sectors=("F", "41", "C", "84"),
        types=(0.7, 0.1, 0.2),
        sizes=("small", "medium", "large"),
        customer_count=(20, 150),
        strengths=(
            ("technical_know_how", 5),
            ("quality_management", 4),
            ("digital", 3),
            ("sales", 2),
            ("marketing", 2),
            ("international", 2),
        ),
        goals=("new_markets", "know_how_exchange", "referral_business", "overcome_entry_barriers"),
        forms=(
            "trusted_advisory",
            "project_group",
            "referral_partnership",
            "cross_border_partnership",
        ),
        de=Texts(
            names=(
                "Ingenieurbüro {surname}",
                "{surname} Ingenieure",
                "{surname} + Partner Ingenieure",
            ),
            descriptions=(
                "Ingenieurbüro aus {city} für Tragwerksplanung, technische Gebäudeausrüstung "
                "und Energieberatung.",
                "Wir planen Tragwerke und Haustechnik für Gewerbe-, Wohn- und öffentliche Bauten "
                "{region} und begleiten Bauherren bis zur Abnahme.",
            ),
            offers=(
                item(
                    "Tragwerksplanung und Statik",
                    "Statische Berechnungen, Ausführungs- und Bewehrungspläne für Stahl-, "
                    "Holz- und Massivbau.",
                    "Statik, Tragwerksplanung, Bewehrungsplan",
                ),
                item(
                    "TGA-Planung und Energieberatung",
                    "Heizlastberechnung, Lüftungs- und Sanitärplanung, Förderberatung (BEG).",
                    "TGA, Heizlast, Energieberatung, BEG",
                ),
            ),
            needs=(
                item(
                    "Architekturbüro als Planungspartner",
                    "Wir suchen Architekten, mit denen wir Generalplanungen anbieten können.",
                    "Architekt, Generalplanung, Entwurf",
                    "71.11",
                ),
                item(
                    "BIM-Software und Schulung",
                    "Unterstützung bei der Umstellung auf BIM-gestützte Planung.",
                    "BIM, Software, Schulung",
                    "62.01,62.02",
                ),
                item(
                    "Übersetzungen für Projekte in den Niederlanden",
                    "Fachübersetzungen von Gutachten und Ausschreibungsunterlagen.",
                    "Fachübersetzung, Niederländisch, Ausschreibung",
                    "74.30",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "Ingenieursbureau {surname}",
                "{surname} Bouwadvies",
                "{surname} Constructies & Advies",
            ),
            descriptions=(
                "Ingenieursbureau uit {city} voor constructief ontwerp, installatieadvies en "
                "energieadvies.",
                "Wij berekenen constructies en ontwerpen installaties voor utiliteits-, woning- "
                "en overheidsprojecten {region}.",
            ),
            offers=(
                item(
                    "Constructieberekeningen",
                    "Berekeningen en tekeningen voor staal-, hout- en betonconstructies.",
                    "constructieberekening, constructeur, tekeningen",
                ),
                item(
                    "Installatieadvies en energieadvies",
                    "Warmteverliesberekeningen, ventilatieontwerp en energielabels.",
                    "installatieadvies, energielabel, ventilatie",
                ),
            ),
            needs=(
                item(
                    "Architectenbureau als ontwerppartner",
                    "Wij zoeken architecten om samen integrale ontwerpen aan te bieden.",
                    "architect, integraal ontwerp",
                    "71.11",
                ),
                item(
                    "BIM-software en training",
                    "Ondersteuning bij de overstap naar BIM.",
                    "BIM, software, training",
                    "62.01,62.02",
                ),
                item(
                    "Vertalingen voor projecten in Duitsland",
                    "Vakvertalingen van rapporten en aanbestedingsstukken naar het Duits.",
                    "vertaling, Duits, aanbesteding",
                    "74.30",
                ),
            ),
        ),
    ),
    Archetype(
        key="architecture",
        nace=("71.11",),
        weight=2,
        employees=(2, 20),
        revenue_per_head=(70, 110),
        founded=(1975, 2019),
        legal_forms_de=OFFICE_DE,
        legal_forms_nl=OFFICE_NL,
        sectors=("68", "41", "84", "86"),
        types=(0.5, 0.35, 0.15),
        sizes=("micro", "small", "medium"),
        customer_count=(15, 90),
        strengths=(
            ("technical_know_how", 4),
            ("marketing", 3),
            ("customer_service", 4),
            ("digital", 3),
            ("financing", 2),
        ),
        goals=("referral_business", "know_how_exchange", "joint_marketing", "new_markets"),
        forms=("referral_partnership", "project_group", "trusted_advisory"),
        de=Texts(
            names=("{surname} Architekten", "Architekturbüro {surname}", "{surname} Architektur"),
            descriptions=(
                "Architekturbüro aus {city} für Wohnhäuser, Gewerbebauten und Umbauten im Bestand.",
                "Wir entwerfen nachhaltige Gebäude {region} und begleiten Bauherren von der "
                "ersten Skizze bis zur Bauleitung.",
            ),
            offers=(
                item(
                    "Entwurf und Genehmigungsplanung",
                    "Vom Entwurf bis zum Bauantrag, auch für schwierige Bestandsgebäude.",
                    "Entwurf, Bauantrag, Umbau",
                ),
                item(
                    "Innenarchitektur für Praxen und Büros",
                    "Raumkonzepte, Möblierung und Materialauswahl.",
                    "Innenarchitektur, Raumkonzept, Büro",
                ),
            ),
            needs=(
                item(
                    "Statik und Haustechnikplanung",
                    "Ingenieurbüro, das Tragwerk und TGA in unseren Projekten übernimmt.",
                    "Statik, TGA, Fachplanung",
                    "71.12",
                ),
                item(
                    "Visualisierungen und Architekturfotografie",
                    "Fotografen und 3D-Künstler für Wettbewerbe und Referenzen.",
                    "Visualisierung, Fotografie, Referenz",
                    "74.20,59.11",
                ),
                item(
                    "Bauunternehmen für schlüsselfertige Projekte",
                    "Verlässliche Baufirmen, die unsere Entwürfe umsetzen.",
                    "Bauunternehmen, schlüsselfertig, Ausführung",
                    "41.20",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Architecten",
                "Architectenbureau {surname}",
                "{surname} Architectuur",
            ),
            descriptions=(
                "Architectenbureau uit {city} voor woningen, bedrijfspanden en verbouwingen.",
                "Wij ontwerpen duurzame gebouwen {region} en begeleiden opdrachtgevers van "
                "eerste schets tot bouwbegeleiding.",
            ),
            offers=(
                item(
                    "Ontwerp en vergunningaanvraag",
                    "Van schetsontwerp tot omgevingsvergunning, ook voor bestaande panden.",
                    "ontwerp, omgevingsvergunning, verbouwing",
                ),
                item(
                    "Interieurontwerp voor praktijken en kantoren",
                    "Ruimteconcepten, meubilair en materiaalkeuze.",
                    "interieurontwerp, kantoor, praktijk",
                ),
            ),
            needs=(
                item(
                    "Constructeur en installatieadviseur",
                    "Ingenieursbureau dat constructie en installaties in onze projecten verzorgt.",
                    "constructeur, installatieadvies",
                    "71.12",
                ),
                item(
                    "Visualisaties en architectuurfotografie",
                    "Fotografen en 3D-specialisten voor prijsvragen en portfolio.",
                    "visualisatie, fotografie, portfolio",
                    "74.20,59.11",
                ),
                item(
                    "Bouwbedrijf voor sleutelklare projecten",
                    "Betrouwbare aannemers die onze ontwerpen uitvoeren.",
                    "aannemer, sleutelklaar, uitvoering",
                    "41.20",
                ),
            ),
        ),
    ),
    Archetype(
        key="it-services",
        nace=("62.02", "62.09"),
        weight=4,
        employees=(3, 50),
        revenue_per_head=(90, 150),
        founded=(1990, 2020),
        legal_forms_de=OFFICE_DE,
        legal_forms_nl=OFFICE_NL,
        sectors=("M", "C", "F", "86"),
        types=(0.9, 0.05, 0.05),
        sizes=("micro", "small", "medium"),
        customer_count=(30, 300),
        strengths=(
            ("digital", 5),
            ("technical_know_how", 4),
            ("customer_service", 4),
            ("marketing", 2),
            ("sales", 3),
            ("skilled_staff", 2),
        ),
        goals=(
            "broaden_portfolio",
            "referral_business",
            "expand_customer_base",
            "know_how_exchange",
        ),
        forms=("referral_partnership", "outsourcing", "trusted_advisory", "marketing_alliance"),
        de=Texts(
            names=("{surname} IT-Service", "{surname} Systemhaus", "{place} IT-Systeme"),
            descriptions=(
                "IT-Systemhaus aus {city}: Netzwerke, Server, Cloud und Support für kleine und "
                "mittlere Unternehmen.",
                "Wir betreuen die IT von Handwerksbetrieben, Kanzleien und Praxen {region}, mit "
                "festen Ansprechpartnern und Wartungsverträgen.",
            ),
            offers=(
                item(
                    "IT-Betreuung und Helpdesk",
                    "Managed Services, Wartung, Backup und Helpdesk mit festen Reaktionszeiten.",
                    "Managed Services, Helpdesk, Backup, Wartung",
                ),
                item(
                    "Netzwerk, WLAN und IT-Sicherheit",
                    "Planung und Betrieb von Netzwerken, Firewalls und Microsoft 365.",
                    "Netzwerk, WLAN, Firewall, IT-Sicherheit, Microsoft 365",
                ),
            ),
            needs=(
                item(
                    "Softwareentwickler für Kundenprojekte",
                    "Partner für individuelle Webanwendungen und Schnittstellen, die wir nicht "
                    "selbst entwickeln.",
                    "Softwareentwicklung, Schnittstelle, Webanwendung",
                    "62.01",
                ),
                item(
                    "Werbeagentur für unser Marketing",
                    "Agentur für Website, Kampagnen und Messestand.",
                    "Website, Kampagne, Messe",
                    "73.11",
                ),
                item(
                    "Empfehlungen von Steuerberatern",
                    "Steuerkanzleien, deren Mandanten Unterstützung bei der Digitalisierung "
                    "brauchen.",
                    "Steuerberater, Digitalisierung, Empfehlung",
                    "69.20",
                ),
            ),
        ),
        nl=Texts(
            names=("{surname} ICT", "{surname} IT-Services", "{place} ICT Beheer"),
            descriptions=(
                "ICT-bedrijf uit {city}: netwerken, servers, cloud en support voor het MKB.",
                "Wij beheren de ICT van installateurs, accountantskantoren en praktijken "
                "{region}, met vaste contactpersonen en servicecontracten.",
            ),
            offers=(
                item(
                    "ICT-beheer en servicedesk",
                    "Managed services, onderhoud, back-up en servicedesk met vaste reactietijden.",
                    "ICT-beheer, servicedesk, back-up",
                ),
                item(
                    "Netwerken, wifi en beveiliging",
                    "Ontwerp en beheer van netwerken, firewalls en Microsoft 365.",
                    "netwerk, wifi, firewall, beveiliging, Microsoft 365",
                ),
            ),
            needs=(
                item(
                    "Softwareontwikkelaar voor klantprojecten",
                    "Partner voor maatwerk webapplicaties en koppelingen.",
                    "softwareontwikkeling, koppeling, webapplicatie",
                    "62.01",
                ),
                item(
                    "Reclamebureau voor onze marketing",
                    "Bureau voor website, campagnes en beursstand.",
                    "website, campagne, beurs",
                    "73.11",
                ),
                item(
                    "Doorverwijzingen van accountants",
                    "Accountantskantoren met klanten die hulp bij digitalisering nodig hebben.",
                    "accountant, digitalisering, doorverwijzing",
                    "69.20",
                ),
            ),
        ),
    ),
    Archetype(
        key="software",
        nace=("62.01",),
        weight=3,
        employees=(2, 40),
        revenue_per_head=(80, 140),
        founded=(1995, 2021),
        legal_forms_de=("GmbH", "GmbH", "GmbH", "GmbH & Co. KG"),
        legal_forms_nl=("B.V.", "B.V.", "V.O.F."),
        sectors=("C", "H", "M", "47"),
        types=(0.9, 0.0, 0.1),
        sizes=("small", "medium", "large"),
        customer_count=(8, 60),
        strengths=(
            ("digital", 5),
            ("technical_know_how", 5),
            ("sales", 2),
            ("marketing", 2),
            ("international", 3),
            ("skilled_staff", 2),
        ),
        goals=("expand_customer_base", "new_markets", "broaden_portfolio", "referral_business"),
        forms=(
            "development_partnership",
            "outsourcing",
            "referral_partnership",
            "cross_border_partnership",
        ),
        de=Texts(
            names=("{surname} Software", "{place} Softwarewerk", "{surname} Digital"),
            descriptions=(
                "Softwarehaus aus {city}: individuelle Web- und Mobilanwendungen, Schnittstellen "
                "und Portale für den Mittelstand.",
                "Wir entwickeln Software für Logistik, Produktion und Handel {region}, agil und "
                "mit eigenem Betrieb in deutschen Rechenzentren.",
            ),
            offers=(
                item(
                    "Individuelle Webanwendungen",
                    "Kundenportale, Auftragsverwaltung und Dashboards, entwickelt mit "
                    "Python und TypeScript.",
                    "Webanwendung, Portal, Dashboard, Individualsoftware",
                ),
                item(
                    "ERP- und Shop-Schnittstellen",
                    "Anbindung von Warenwirtschaft, Onlineshop und Logistikdienstleistern.",
                    "Schnittstelle, ERP, Onlineshop, API",
                ),
            ),
            needs=(
                item(
                    "UX- und Designagentur",
                    "Partner für Nutzerführung und Oberflächengestaltung unserer Anwendungen.",
                    "UX, Design, Oberfläche",
                    "73.11,74.10",
                ),
                item(
                    "Hosting und IT-Betrieb",
                    "Systemhaus, das Server, Monitoring und Backup für Kundenprojekte übernimmt.",
                    "Hosting, Monitoring, Backup",
                    "62.02,62.09,63.11",
                ),
                item(
                    "Übersetzung unserer Software ins Niederländische",
                    "Lokalisierung von Oberflächen und Handbüchern für Kunden in den Niederlanden.",
                    "Lokalisierung, Übersetzung, Niederländisch",
                    "74.30",
                ),
            ),
        ),
        nl=Texts(
            names=("{surname} Software", "{place} Softwareontwikkeling", "{surname} Digitaal"),
            descriptions=(
                "Softwarebedrijf uit {city}: maatwerk web- en mobiele applicaties, koppelingen "
                "en portalen voor het MKB.",
                "Wij ontwikkelen software voor logistiek, productie en handel {region}, agile en "
                "met eigen hosting in Nederlandse datacenters.",
            ),
            offers=(
                item(
                    "Maatwerk webapplicaties",
                    "Klantportalen, orderbeheer en dashboards in Python en TypeScript.",
                    "webapplicatie, portaal, dashboard, maatwerk",
                ),
                item(
                    "Koppelingen met ERP en webshops",
                    "Integratie van voorraadbeheer, webshop en vervoerders.",
                    "koppeling, ERP, webshop, API",
                ),
            ),
            needs=(
                item(
                    "UX- en ontwerpbureau",
                    "Partner voor gebruikerservaring en interfaceontwerp.",
                    "UX, ontwerp, interface",
                    "73.11,74.10",
                ),
                item(
                    "Hosting en beheer",
                    "ICT-bedrijf dat servers, monitoring en back-up voor klantprojecten verzorgt.",
                    "hosting, monitoring, back-up",
                    "62.02,62.09,63.11",
                ),
                item(
                    "Vertaling van onze software naar het Duits",
                    "Lokalisatie van schermen en handleidingen voor Duitse klanten.",
                    "lokalisatie, vertaling, Duits",
                    "74.30",
                ),
            ),
        ),
    ),
    Archetype(
        key="advertising",
        nace=("73.11",),
        weight=3,
        employees=(2, 30),
        revenue_per_head=(70, 120),
        founded=(1985, 2020),
        legal_forms_de=OFFICE_DE,
        legal_forms_nl=OFFICE_NL,
        sectors=("C", "46", "F", "I"),
        types=(0.9, 0.05, 0.05),
        sizes=("small", "medium"),
        customer_count=(15, 90),
        strengths=(
            ("marketing", 5),
            ("digital", 4),
            ("sales", 3),
            ("customer_service", 4),
            ("production_capacity", 2),
            ("international", 2),
        ),
        goals=("referral_business", "broaden_portfolio", "joint_marketing", "new_markets"),
        forms=("referral_partnership", "marketing_alliance", "project_group"),
        de=Texts(
            names=("{surname} Werbeagentur", "Agentur {surname}", "{surname} Markenkommunikation"),
            descriptions=(
                "Werbeagentur aus {city} für mittelständische Industrie- und Handwerkskunden: "
                "Marken, Kampagnen, Websites.",
                "Wir entwickeln Kampagnen, Messeauftritte und Websites für Unternehmen {region} "
                "und begleiten sie von der Idee bis zur Umsetzung.",
            ),
            offers=(
                item(
                    "Werbekampagnen und Markenauftritt",
                    "Print- und Onlinekampagnen, Corporate Design und Messeauftritte.",
                    "Kampagne, Corporate Design, Messe, Marke",
                ),
                item(
                    "Websites und Onlinemarketing",
                    "Websites, Suchmaschinenoptimierung und Social-Media-Anzeigen.",
                    "Website, SEO, Social Media, Onlinemarketing",
                ),
            ),
            needs=(
                item(
                    "Pressearbeit für unsere Kunden",
                    "Partner für Öffentlichkeitsarbeit und Pressemitteilungen.",
                    "PR, Pressearbeit, Öffentlichkeitsarbeit",
                    "70.21",
                ),
                item(
                    "Druckerei mit kurzen Wegen",
                    "Druckpartner für Broschüren, Plakate und Messematerial.",
                    "Druckerei, Broschüre, Plakat",
                    "18.12",
                ),
                item(
                    "Foto- und Videoproduktion",
                    "Fotografen und Filmer für Imagefilme und Produktfotos.",
                    "Fotografie, Imagefilm, Video",
                    "74.20,59.11",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "Reclamebureau {surname}",
                "{surname} Communicatie & Design",
                "{place} Creatief",
            ),
            descriptions=(
                "Reclamebureau uit {city} voor industriële en ambachtelijke MKB-bedrijven: "
                "merken, campagnes en websites.",
                "Wij ontwikkelen campagnes, beursstands en websites voor ondernemers {region} en "
                "begeleiden ze van idee tot uitvoering.",
            ),
            offers=(
                item(
                    "Reclamecampagnes en huisstijl",
                    "Print- en onlinecampagnes, huisstijl en beursmaterialen.",
                    "campagne, huisstijl, beurs, merk",
                ),
                item(
                    "Websites en online marketing",
                    "Websites, zoekmachineoptimalisatie en social-media-advertenties.",
                    "website, SEO, social media, online marketing",
                ),
            ),
            needs=(
                item(
                    "PR voor onze klanten",
                    "Partner voor persberichten en publiciteit.",
                    "PR, persbericht, publiciteit",
                    "70.21",
                ),
                item(
                    "Drukkerij dichtbij",
                    "Drukpartner voor brochures, posters en beursmateriaal.",
                    "drukkerij, brochure, poster",
                    "18.12",
                ),
                item(
                    "Foto en video",
                    "Fotografen en filmmakers voor bedrijfsfilms en productfoto's.",
                    "fotografie, bedrijfsfilm, video",
                    "74.20,59.11",
                ),
            ),
        ),
    ),
    Archetype(
        key="public-relations",
        nace=("70.21",),
        weight=2,
        employees=(1, 15),
        revenue_per_head=(70, 110),
        founded=(1990, 2021),
        legal_forms_de=OFFICE_DE,
        legal_forms_nl=OFFICE_NL,
        sectors=("C", "M", "84", "Q"),
        types=(0.8, 0.0, 0.2),
        sizes=("small", "medium", "large"),
        customer_count=(8, 40),
        strengths=(
            ("marketing", 5),
            ("customer_service", 4),
            ("international", 2),
            ("sales", 3),
            ("production_capacity", 1),
            ("digital", 3),
        ),
        goals=("referral_business", "joint_marketing", "broaden_portfolio", "know_how_exchange"),
        forms=("referral_partnership", "marketing_alliance", "trusted_advisory"),
        de=Texts(
            names=("{surname} Kommunikation", "{surname} PR", "{place} Pressebüro"),
            descriptions=(
                "PR-Büro aus {city}: Pressearbeit, Unternehmenskommunikation und Krisen-"
                "kommunikation für Mittelstand und Verbände.",
                "Wir bringen die Geschichten von Unternehmen {region} in Fachpresse, "
                "Lokalzeitung und soziale Netzwerke.",
            ),
            offers=(
                item(
                    "Pressearbeit und Medienkontakte",
                    "Pressemitteilungen, Fachartikel und Medienarbeit für B2B-Unternehmen.",
                    "Pressearbeit, Pressemitteilung, Fachartikel, PR",
                ),
                item(
                    "Interne Kommunikation und Mitarbeitermagazine",
                    "Konzepte und Redaktion für Mitarbeiterzeitungen und Intranet.",
                    "interne Kommunikation, Redaktion, Mitarbeitermagazin",
                ),
            ),
            needs=(
                item(
                    "Werbeagentur für Kampagnen",
                    "Agentur, die Gestaltung und Kampagnen für unsere PR-Kunden übernimmt.",
                    "Werbeagentur, Gestaltung, Kampagne",
                    "73.11",
                ),
                item(
                    "Übersetzungen ins Niederländische und Englische",
                    "Schnelle und zuverlässige Übersetzungen von Pressetexten.",
                    "Übersetzung, Pressetext, Niederländisch",
                    "74.30",
                ),
                item(
                    "Eventpartner für Pressekonferenzen",
                    "Partner für Organisation und Catering von Presseterminen.",
                    "Event, Catering, Pressekonferenz",
                    "82.30,56.21",
                ),
            ),
        ),
        nl=Texts(
            names=("{surname} Communicatie", "{surname} PR & Media", "{place} Persbureau"),
            descriptions=(
                "PR-bureau uit {city}: persrelaties, bedrijfscommunicatie en crisis-"
                "communicatie voor MKB en brancheverenigingen.",
                "Wij brengen de verhalen van ondernemers {region} in vakpers, regionale media en "
                "sociale netwerken.",
            ),
            offers=(
                item(
                    "Persrelaties en mediacontacten",
                    "Persberichten, vakartikelen en mediarelaties voor B2B-bedrijven.",
                    "persrelaties, persbericht, vakartikel, PR",
                ),
                item(
                    "Interne communicatie",
                    "Concept en redactie van personeelsbladen en intranet.",
                    "interne communicatie, redactie, personeelsblad",
                ),
            ),
            needs=(
                item(
                    "Reclamebureau voor campagnes",
                    "Bureau dat vormgeving en campagnes voor onze PR-klanten verzorgt.",
                    "reclamebureau, vormgeving, campagne",
                    "73.11",
                ),
                item(
                    "Vertalingen naar het Duits en Engels",
                    "Snelle, betrouwbare vertalingen van persteksten.",
                    "vertaling, Duits, persbericht",
                    "74.30",
                ),
                item(
                    "Eventpartner voor persbijeenkomsten",
                    "Partner voor organisatie en catering van persmomenten.",
                    "evenement, catering, persbijeenkomst",
                    "82.30,56.21",
                ),
            ),
        ),
    ),
    Archetype(
        key="tax-advice",
        nace=("69.20",),
        weight=4,
        employees=(3, 35),
        revenue_per_head=(70, 110),
        founded=(1960, 2018),
        legal_forms_de=("GmbH",),
        legal_forms_nl=("B.V.", "B.V.", "V.O.F."),
        sectors=("F", "G", "I", "M"),
        types=(0.8, 0.2, 0.0),
        sizes=("micro", "small", "medium"),
        customer_count=(100, 600),
        strengths=(
            ("quality_management", 4),
            ("customer_service", 5),
            ("digital", 3),
            ("international", 2),
            ("marketing", 2),
            ("skilled_staff", 2),
        ),
        goals=(
            "referral_business",
            "know_how_exchange",
            "broaden_portfolio",
            "overcome_entry_barriers",
        ),
        forms=("trusted_advisory", "referral_partnership", "cross_border_partnership"),
        de=Texts(
            names=(
                "{surname} Steuerberatungsgesellschaft",
                "{surname} & Partner Steuerberatung",
                "Steuerkanzlei {surname}",
            ),
            descriptions=(
                "Steuerberatungskanzlei aus {city}: Finanzbuchhaltung, Lohnabrechnung, "
                "Jahresabschlüsse und Beratung für Handwerk und Mittelstand.",
                "Wir beraten Unternehmer {region} in Steuerfragen, bei Nachfolge und "
                "Gründung, auch mit Blick auf grenzüberschreitende Tätigkeiten in den "
                "Niederlanden.",
            ),
            offers=(
                item(
                    "Buchhaltung und Jahresabschluss",
                    "Digitale Finanzbuchhaltung mit DATEV, Jahresabschlüsse und Steuererklärungen.",
                    "Buchhaltung, Jahresabschluss, DATEV, Steuererklärung",
                ),
                item(
                    "Lohnabrechnung",
                    "Lohn- und Gehaltsabrechnung, auch für Grenzgänger aus den Niederlanden.",
                    "Lohnabrechnung, Grenzgänger, Gehalt",
                ),
                item(
                    "Grenzüberschreitende Steuerberatung",
                    "Umsatzsteuer, Betriebsstätten und Entsendungen im deutsch-"
                    "niederländischen Geschäft.",
                    "Umsatzsteuer, Betriebsstätte, Entsendung, Niederlande",
                ),
            ),
            needs=(
                item(
                    "IT-Partner für die Digitalisierung unserer Mandanten",
                    "Systemhaus, das Mandanten bei Belegscan, Kassensystem und "
                    "Schnittstellen hilft.",
                    "Digitalisierung, Belegscan, Schnittstelle",
                    "62.02,62.09",
                ),
                item(
                    "Unternehmensberatung und Schulungen",
                    "Partner für Nachfolgeberatung und Schulungen unserer Mandanten.",
                    "Nachfolge, Schulung, Beratung",
                    "85.59,70.22",
                ),
                item(
                    "Übersetzer für niederländische Verträge",
                    "Fachübersetzungen von Verträgen und Bescheiden.",
                    "Übersetzung, Vertrag, Niederländisch",
                    "74.30",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Accountants",
                "Administratiekantoor {surname}",
                "{surname} Belastingadvies",
            ),
            descriptions=(
                "Accountants- en administratiekantoor uit {city}: boekhouding, "
                "salarisadministratie, "
                "jaarrekeningen en advies voor het MKB.",
                "Wij adviseren ondernemers {region} over belastingen, bedrijfsoverdracht en "
                "starten, ook bij grensoverschrijdende activiteiten in Duitsland.",
            ),
            offers=(
                item(
                    "Boekhouding en jaarrekening",
                    "Online boekhouding, jaarrekeningen en belastingaangiften.",
                    "boekhouding, jaarrekening, aangifte",
                ),
                item(
                    "Salarisadministratie",
                    "Loonadministratie, ook voor grensarbeiders uit Duitsland.",
                    "salarisadministratie, grensarbeider, loon",
                ),
                item(
                    "Grensoverschrijdend belastingadvies",
                    "Btw, vaste inrichting en detachering bij zaken met Duitsland.",
                    "btw, vaste inrichting, detachering, Duitsland",
                ),
            ),
            needs=(
                item(
                    "ICT-partner voor digitalisering van klanten",
                    "ICT-bedrijf dat klanten helpt met scannen, kassasystemen en koppelingen.",
                    "digitalisering, kassasysteem, koppeling",
                    "62.02,62.09",
                ),
                item(
                    "Bedrijfsadvies en trainingen",
                    "Partner voor opvolgingsadvies en trainingen voor onze klanten.",
                    "bedrijfsopvolging, training, advies",
                    "85.59,70.22",
                ),
                item(
                    "Vertaler voor Duitse contracten",
                    "Vakvertalingen van contracten en aanslagen.",
                    "vertaling, contract, Duits",
                    "74.30",
                ),
            ),
        ),
    ),
    Archetype(
        key="translation",
        nace=("74.30",),
        weight=2,
        employees=(1, 12),
        revenue_per_head=(55, 90),
        founded=(1990, 2021),
        legal_forms_de=("GmbH", "e.K.", "e.K."),
        legal_forms_nl=("B.V.", "eenmanszaak", "eenmanszaak", "V.O.F."),
        sectors=("C", "M", "69", "84"),
        types=(0.85, 0.1, 0.05),
        sizes=("small", "medium", "large"),
        customer_count=(40, 250),
        strengths=(
            ("international", 5),
            ("quality_management", 4),
            ("customer_service", 4),
            ("marketing", 2),
            ("sales", 2),
            ("production_capacity", 2),
        ),
        goals=("referral_business", "expand_customer_base", "joint_marketing", "new_markets"),
        forms=("referral_partnership", "outsourcing", "marketing_alliance"),
        de=Texts(
            names=(
                "Übersetzungsbüro {surname}",
                "{surname} Sprachdienste",
                "{place} Übersetzungen",
            ),
            descriptions=(
                "Übersetzungsbüro aus {city} mit Schwerpunkt Deutsch–Niederländisch: Technik, "
                "Recht und Marketing, beeidigte Übersetzungen.",
                "Wir übersetzen und dolmetschen für Unternehmen {region}, die in den "
                "Niederlanden, Belgien oder weltweit verkaufen.",
            ),
            offers=(
                item(
                    "Fachübersetzungen Deutsch–Niederländisch",
                    "Technische Dokumentation, Verträge und Websites, auch beeidigt.",
                    "Übersetzung, Niederländisch, Technik, beeidigt",
                ),
                item(
                    "Dolmetschen bei Verhandlungen",
                    "Konsekutiv- und Verhandlungsdolmetschen bei Gesprächen und Messen.",
                    "Dolmetschen, Verhandlung, Messe",
                ),
            ),
            needs=(
                item(
                    "Agenturen als Empfehlungspartner",
                    "Werbe- und PR-Agenturen, deren Kunden mehrsprachige Texte brauchen.",
                    "Werbeagentur, PR, mehrsprachig",
                    "73.11,70.21",
                ),
                item(
                    "Software für Übersetzungsworkflows",
                    "Entwickler für die Anbindung unseres CAT-Tools an Kundensysteme.",
                    "CAT-Tool, Schnittstelle, Workflow",
                    "62.01",
                ),
                item(
                    "Schulungsanbieter für Sprachkurse",
                    "Partner, mit dem wir Sprachkurse für Unternehmen anbieten.",
                    "Sprachkurs, Schulung, Firmenkunden",
                    "85.59",
                ),
            ),
        ),
        nl=Texts(
            names=("Vertaalbureau {surname}", "{surname} Taaldiensten", "{place} Vertalingen"),
            descriptions=(
                "Vertaalbureau uit {city}, gespecialiseerd in Nederlands–Duits: techniek, recht "
                "en marketing, ook beëdigd.",
                "Wij vertalen en tolken voor bedrijven {region} die zaken doen in Duitsland en "
                "daarbuiten.",
            ),
            offers=(
                item(
                    "Vakvertalingen Nederlands–Duits",
                    "Technische documentatie, contracten en websites, ook beëdigd.",
                    "vertaling, Duits, techniek, beëdigd",
                ),
                item(
                    "Tolken bij onderhandelingen",
                    "Consecutief tolken bij gesprekken en beurzen.",
                    "tolk, onderhandeling, beurs",
                ),
            ),
            needs=(
                item(
                    "Bureaus als doorverwijspartner",
                    "Reclame- en PR-bureaus met klanten die meertalige teksten nodig hebben.",
                    "reclamebureau, PR, meertalig",
                    "73.11,70.21",
                ),
                item(
                    "Software voor vertaalworkflows",
                    "Ontwikkelaar voor de koppeling van ons vertaalsysteem met klantsystemen.",
                    "vertaalsoftware, koppeling, workflow",
                    "62.01",
                ),
                item(
                    "Opleider voor taaltrainingen",
                    "Partner om samen taaltrainingen voor bedrijven aan te bieden.",
                    "taaltraining, cursus, bedrijven",
                    "85.59",
                ),
            ),
        ),
    ),
    Archetype(
        key="staffing",
        nace=("78.20", "78.10"),
        weight=3,
        employees=(5, 60),
        revenue_per_head=(60, 100),
        founded=(1985, 2020),
        legal_forms_de=("GmbH", "GmbH", "GmbH & Co. KG"),
        legal_forms_nl=("B.V.", "B.V."),
        sectors=("C", "F", "H", "Q"),
        types=(0.95, 0.0, 0.05),
        sizes=("small", "medium", "large"),
        customer_count=(30, 200),
        strengths=(
            ("sales", 4),
            ("skilled_staff", 4),
            ("customer_service", 3),
            ("international", 3),
            ("digital", 2),
            ("marketing", 3),
        ),
        goals=("expand_customer_base", "new_markets", "referral_business", "broaden_portfolio"),
        forms=("referral_partnership", "outsourcing", "cross_border_partnership"),
        de=Texts(
            names=(
                "{surname} Personalservice",
                "{surname} Personaldienstleistungen",
                "{place} Personal",
            ),
            descriptions=(
                "Personaldienstleister aus {city}: Arbeitnehmerüberlassung und Vermittlung "
                "von Fachkräften für Handwerk, Industrie und Logistik.",
                "Wir finden Fachkräfte für Unternehmen {region}, auch aus den Niederlanden, "
                "und kümmern uns um Einarbeitung und Betreuung.",
            ),
            offers=(
                item(
                    "Arbeitnehmerüberlassung",
                    "Schweißer, Elektriker, Lagerkräfte und Monteure kurzfristig und flexibel.",
                    "Zeitarbeit, Schweißer, Elektriker, Lager",
                ),
                item(
                    "Personalvermittlung",
                    "Direktvermittlung von Fach- und Führungskräften.",
                    "Personalvermittlung, Fachkräfte, Recruiting",
                ),
            ),
            needs=(
                item(
                    "Weiterbildung für unsere Mitarbeiter",
                    "Schulungsanbieter für Staplerscheine, Schweißkurse und "
                    "Sicherheitsunterweisungen.",
                    "Schulung, Staplerschein, Schweißkurs",
                    "85.59",
                ),
                item(
                    "Lohnabrechnung für Grenzgänger",
                    "Steuerberater mit Erfahrung bei niederländischen Mitarbeitern.",
                    "Lohnabrechnung, Grenzgänger, Steuerberater",
                    "69.20",
                ),
                item(
                    "Kunden in Bau und Industrie",
                    "Bau- und Industriebetriebe mit regelmäßigem Personalbedarf.",
                    "Bau, Industrie, Personalbedarf",
                    "41.20,28.99",
                ),
            ),
        ),
        nl=Texts(
            names=("{surname} Uitzendbureau", "{surname} Personeelsdiensten", "{place} Flex"),
            descriptions=(
                "Uitzend- en detacheringsbureau uit {city}: vakmensen voor bouw, industrie en "
                "logistiek.",
                "Wij vinden vakkrachten voor bedrijven {region} en in Duitsland en zorgen voor "
                "inwerken en begeleiding.",
            ),
            offers=(
                item(
                    "Uitzenden en detacheren",
                    "Lassers, elektromonteurs, magazijnmedewerkers en monteurs, snel inzetbaar.",
                    "uitzenden, lasser, elektromonteur, magazijn",
                ),
                item(
                    "Werving en selectie",
                    "Werving van vakmensen en leidinggevenden.",
                    "werving, selectie, vakmensen",
                ),
            ),
            needs=(
                item(
                    "Opleidingen voor onze flexkrachten",
                    "Opleider voor heftruckcertificaten, lascursussen en VCA.",
                    "opleiding, heftruck, VCA",
                    "85.59",
                ),
                item(
                    "Salarisadministratie voor grensarbeiders",
                    "Accountant met ervaring met Duitse werknemers.",
                    "salarisadministratie, grensarbeider",
                    "69.20",
                ),
                item(
                    "Klanten in bouw en industrie",
                    "Bouw- en industriebedrijven met structurele personeelsbehoefte.",
                    "bouw, industrie, personeel",
                    "41.20,28.99",
                ),
            ),
        ),
    ),
    Archetype(
        key="cleaning",
        nace=("81.21", "81.22"),
        weight=3,
        employees=(5, 120),
        revenue_per_head=(30, 50),
        founded=(1975, 2020),
        legal_forms_de=("GmbH", "GmbH", "GmbH & Co. KG", "e.K."),
        legal_forms_nl=("B.V.", "B.V.", "V.O.F."),
        sectors=("M", "86", "84", "C"),
        types=(0.8, 0.05, 0.15),
        sizes=("small", "medium", "large"),
        customer_count=(30, 250),
        strengths=(
            ("customer_service", 4),
            ("production_capacity", 4),
            ("skilled_staff", 2),
            ("marketing", 2),
            ("digital", 2),
            ("quality_management", 3),
        ),
        goals=("broaden_portfolio", "pool_resources", "expand_customer_base", "referral_business"),
        forms=("referral_partnership", "project_group", "outsourcing"),
        de=Texts(
            names=(
                "{surname} Gebäudeservice",
                "{surname} Gebäudereinigung",
                "{place} Facility Service",
            ),
            descriptions=(
                "Gebäudereinigung aus {city}: Unterhaltsreinigung, Glasreinigung und "
                "Bauendreinigung für Büros, Praxen und Industrie.",
                "Wir halten Gebäude {region} sauber, mit festen Teams, Qualitätskontrollen und "
                "Einsätzen auch am Wochenende.",
            ),
            offers=(
                item(
                    "Unterhalts- und Glasreinigung",
                    "Regelmäßige Reinigung von Büros, Praxen und Schulen, Fenster und Fassaden.",
                    "Unterhaltsreinigung, Glasreinigung, Büro",
                ),
                item(
                    "Bauendreinigung und Industriereinigung",
                    "Grob- und Feinreinigung nach Bauarbeiten, Reinigung von Produktionshallen.",
                    "Bauendreinigung, Industriereinigung, Halle",
                ),
            ),
            needs=(
                item(
                    "Maler für Renovierungen bei Kunden",
                    "Malerbetrieb, an den wir Renovierungswünsche unserer Kunden weitergeben.",
                    "Maler, Renovierung, Empfehlung",
                    "43.34",
                ),
                item(
                    "Garten- und Landschaftsbau für Facility-Pakete",
                    "Partner für Grünpflege und Winterdienst, um Komplettpakete anzubieten.",
                    "Grünpflege, Winterdienst, Facility",
                    "81.30",
                ),
                item(
                    "Personal für Reinigungsspitzen",
                    "Zeitarbeitsfirma für kurzfristige Großreinigungen.",
                    "Zeitarbeit, Reinigungskräfte",
                    "78.20",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Schoonmaakdiensten",
                "Schoonmaakbedrijf {surname}",
                "{place} Facilitair",
            ),
            descriptions=(
                "Schoonmaakbedrijf uit {city}: dagelijkse schoonmaak, glasbewassing en "
                "bouwschoonmaak voor kantoren, praktijken en industrie.",
                "Wij houden gebouwen {region} schoon, met vaste teams, kwaliteitscontroles en "
                "inzet ook in het weekend.",
            ),
            offers=(
                item(
                    "Dagelijkse schoonmaak en glasbewassing",
                    "Schoonmaak van kantoren, praktijken en scholen, ramen en gevels.",
                    "schoonmaak, glasbewassing, kantoor",
                ),
                item(
                    "Bouwschoonmaak en industriële reiniging",
                    "Opleveringsschoonmaak na de bouw, reiniging van productiehallen.",
                    "bouwschoonmaak, industriële reiniging, hal",
                ),
            ),
            needs=(
                item(
                    "Schilder voor renovaties bij klanten",
                    "Schildersbedrijf waar wij renovatievragen van klanten naartoe sturen.",
                    "schilder, renovatie, doorverwijzing",
                    "43.34",
                ),
                item(
                    "Hovenier voor facilitaire pakketten",
                    "Partner voor groenonderhoud en gladheidsbestrijding.",
                    "groenonderhoud, gladheidsbestrijding, facilitair",
                    "81.30",
                ),
                item(
                    "Personeel bij piekdrukte",
                    "Uitzendbureau voor kortlopende grote schoonmaakklussen.",
                    "uitzendkracht, schoonmaakpersoneel",
                    "78.20",
                ),
            ),
        ),
    ),
    Archetype(
        key="training",
        nace=("85.59",),
        weight=2,
        employees=(2, 25),
        revenue_per_head=(60, 100),
        founded=(1985, 2021),
        legal_forms_de=OFFICE_DE,
        legal_forms_nl=OFFICE_NL,
        sectors=("C", "F", "H", "Q"),
        types=(0.85, 0.05, 0.1),
        sizes=("small", "medium", "large"),
        customer_count=(40, 300),
        strengths=(
            ("skilled_staff", 4),
            ("customer_service", 4),
            ("marketing", 3),
            ("digital", 3),
            ("international", 2),
        ),
        goals=("joint_marketing", "expand_customer_base", "broaden_portfolio", "new_markets"),
        forms=("marketing_alliance", "referral_partnership", "project_group"),
        de=Texts(
            names=("{surname} Seminare", "{place} Akademie", "{surname} Training und Beratung"),
            descriptions=(
                "Weiterbildungsanbieter aus {city}: Arbeitssicherheit, Qualitätsmanagement und "
                "Führungstrainings für Betriebe.",
                "Wir schulen Mitarbeiter und Führungskräfte in Unternehmen {region}, in unseren "
                "Seminarräumen oder direkt im Betrieb.",
            ),
            offers=(
                item(
                    "Arbeitssicherheit und Staplerschein",
                    "Unterweisungen, Staplerschein, Ersthelfer und Brandschutzhelfer.",
                    "Arbeitssicherheit, Staplerschein, Ersthelfer",
                ),
                item(
                    "Qualitätsmanagement nach ISO 9001",
                    "Schulung und Begleitung bei Einführung und Audit.",
                    "ISO 9001, Qualitätsmanagement, Audit",
                ),
            ),
            needs=(
                item(
                    "Übersetzungen für zweisprachige Seminare",
                    "Übersetzer für Schulungsunterlagen auf Niederländisch.",
                    "Übersetzung, Schulungsunterlagen, Niederländisch",
                    "74.30",
                ),
                item(
                    "Personaldienstleister als Kunden",
                    "Zeitarbeitsfirmen, die ihre Mitarbeiter regelmäßig schulen lassen.",
                    "Zeitarbeit, Schulung, Kunde",
                    "78.20",
                ),
                item(
                    "Marketing für unser Seminarprogramm",
                    "Agentur für Newsletter, Website und Onlineanzeigen.",
                    "Newsletter, Website, Onlineanzeigen",
                    "73.11",
                ),
            ),
        ),
        nl=Texts(
            names=("{surname} Opleidingen", "{place} Academie", "{surname} Training & Advies"),
            descriptions=(
                "Opleidingsinstituut uit {city}: veiligheid, kwaliteitsmanagement en "
                "leiderschapstrainingen voor bedrijven.",
                "Wij trainen medewerkers en leidinggevenden van bedrijven {region}, in onze "
                "eigen zalen of op locatie.",
            ),
            offers=(
                item(
                    "VCA en heftruckcertificaat",
                    "VCA, heftruckopleiding, BHV en EHBO.",
                    "VCA, heftruck, BHV",
                ),
                item(
                    "Kwaliteitsmanagement volgens ISO 9001",
                    "Training en begeleiding bij invoering en audit.",
                    "ISO 9001, kwaliteit, audit",
                ),
            ),
            needs=(
                item(
                    "Vertalingen voor tweetalige trainingen",
                    "Vertaler voor cursusmateriaal in het Duits.",
                    "vertaling, cursusmateriaal, Duits",
                    "74.30",
                ),
                item(
                    "Uitzendbureaus als klant",
                    "Uitzendbureaus die hun flexkrachten structureel laten opleiden.",
                    "uitzendbureau, opleiding, klant",
                    "78.20",
                ),
                item(
                    "Marketing voor ons cursusaanbod",
                    "Bureau voor nieuwsbrief, website en online advertenties.",
                    "nieuwsbrief, website, advertenties",
                    "73.11",
                ),
            ),
        ),
    ),
    Archetype(
        key="media-production",
        nace=("74.20", "59.11"),
        weight=2,
        employees=(1, 10),
        revenue_per_head=(50, 90),
        founded=(1995, 2021),
        legal_forms_de=("GmbH", "e.K.", "e.K."),
        legal_forms_nl=("V.O.F.", "eenmanszaak", "eenmanszaak", "B.V."),
        sectors=("C", "F", "M", "I"),
        types=(0.8, 0.2, 0.0),
        sizes=("micro", "small", "medium"),
        customer_count=(20, 150),
        strengths=(
            ("marketing", 4),
            ("digital", 4),
            ("technical_know_how", 3),
            ("sales", 2),
            ("financing", 1),
        ),
        goals=("referral_business", "expand_customer_base", "joint_marketing", "broaden_portfolio"),
        forms=("referral_partnership", "marketing_alliance", "project_group"),
        de=Texts(
            names=("{surname} Fotografie", "{surname} Medienproduktion", "{place} Film und Foto"),
            descriptions=(
                "Foto- und Videostudio aus {city}: Imagefilme, Produktfotos und "
                "Drohnenaufnahmen für Unternehmen.",
                "Wir erzählen mit Bildern und Filmen, was Betriebe {region} besonders macht, "
                "von der Werkstatt bis zur Messe.",
            ),
            offers=(
                item(
                    "Imagefilme und Recruitingvideos",
                    "Konzept, Dreh und Schnitt von Unternehmens- und Recruitingfilmen.",
                    "Imagefilm, Recruitingvideo, Schnitt",
                ),
                item(
                    "Produkt- und Architekturfotografie",
                    "Fotos im Studio oder vor Ort, auch mit Drohne.",
                    "Produktfoto, Architekturfotografie, Drohne",
                ),
            ),
            needs=(
                item(
                    "Werbeagenturen als Auftraggeber",
                    "Agenturen, die Foto- und Filmproduktion an uns vergeben.",
                    "Werbeagentur, Produktion, Auftrag",
                    "73.11",
                ),
                item(
                    "Webentwickler für Videoplattformen",
                    "Partner für die Einbindung von Videos in Websites und Portale.",
                    "Webentwicklung, Video, Portal",
                    "62.01",
                ),
                item(
                    "Eventagentur für Liveproduktionen",
                    "Partner für Streaming und Aufzeichnung von Veranstaltungen.",
                    "Event, Streaming, Veranstaltung",
                    "82.30",
                ),
            ),
        ),
        nl=Texts(
            names=("{surname} Fotografie", "{surname} Media", "{place} Film & Foto"),
            descriptions=(
                "Foto- en videostudio uit {city}: bedrijfsfilms, productfotografie en "
                "dronebeelden voor ondernemers.",
                "Wij laten met beeld en film zien wat bedrijven {region} bijzonder maakt, van "
                "werkplaats tot beursvloer.",
            ),
            offers=(
                item(
                    "Bedrijfsfilms en wervingsvideo's",
                    "Concept, opnames en montage van bedrijfs- en wervingsfilms.",
                    "bedrijfsfilm, wervingsvideo, montage",
                ),
                item(
                    "Product- en architectuurfotografie",
                    "Fotografie in de studio of op locatie, ook met drone.",
                    "productfotografie, architectuur, drone",
                ),
            ),
            needs=(
                item(
                    "Reclamebureaus als opdrachtgever",
                    "Bureaus die foto- en videoproductie aan ons uitbesteden.",
                    "reclamebureau, productie, opdracht",
                    "73.11",
                ),
                item(
                    "Webontwikkelaar voor videoplatforms",
                    "Partner voor het inbouwen van video in websites en portalen.",
                    "webontwikkeling, video, portaal",
                    "62.01",
                ),
                item(
                    "Evenementenbureau voor liveproducties",
                    "Partner voor livestreams en registratie van evenementen.",
                    "evenement, livestream, registratie",
                    "82.30",
                ),
            ),
        ),
    ),
)
