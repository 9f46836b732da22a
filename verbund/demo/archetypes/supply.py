"""Archetypes of logistics, food, printing and event companies."""

from __future__ import annotations

from verbund.demo.archetypes import Archetype, Texts, item

ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        key="transport",
        nace=("49.41",),
        weight=3,
        employees=(8, 90),
        revenue_per_head=(100, 160),
        founded=(1950, 2015),
        legal_forms_de=("GmbH", "GmbH & Co. KG", "GmbH & Co. KG"),
        legal_forms_nl=("B.V.", "B.V.", "V.O.F."),
        sectors=("C", "G", "10", "46"),
        types=(1.0, 0.0, 0.0),
        sizes=("small", "medium", "large"),
        customer_count=(20, 150),
        strengths=(
            ("production_capacity", 4),
            ("international", 4),
            ("customer_service", 3),
            ("digital", 2),
            ("skilled_staff", 1),
            ("financing", 3),
        ),
        goals=("pool_resources", "reduce_costs", "new_markets", "share_risk"),
        forms=("supplier_partnership", "outsourcing", "cross_border_partnership", "project_group"),
        de=Texts(
            names=("{surname} Logistik", "Spedition {surname}", "{surname} Transporte"),
            descriptions=(
                "Spedition aus {city}: Komplett- und Teilladungen zwischen Deutschland und den "
                "Benelux-Ländern, auch Kühltransporte.",
                "Familienunternehmen {region} mit eigenem Fuhrpark für Stückgut, Teil- und "
                "Komplettladungen im Nahverkehr und grenzüberschreitend.",
            ),
            offers=(
                item(
                    "Teil- und Komplettladungen Deutschland–Benelux",
                    "Tägliche Verbindungen zwischen Münsterland, Osnabrück und den Niederlanden.",
                    "Teilladung, Komplettladung, Benelux, Spedition",
                ),
                item(
                    "Kühltransporte",
                    "Temperaturgeführte Transporte für Lebensmittel mit lückenloser Dokumentation.",
                    "Kühltransport, Lebensmittel, Temperatur",
                ),
            ),
            needs=(
                item(
                    "Lagerfläche in Grenznähe",
                    "Partner mit Lager und Umschlagfläche für Cross-Docking.",
                    "Lager, Cross-Docking, Umschlag",
                    "52.10",
                ),
                item(
                    "Berufskraftfahrer",
                    "Fahrer mit Führerschein CE auf Zeit oder zur Übernahme.",
                    "Berufskraftfahrer, CE, Personal",
                    "78.20,78.10",
                ),
                item(
                    "Sendungsverfolgung für Kunden",
                    "Softwarepartner für Tracking-Portal und Schnittstellen zu Kunden.",
                    "Tracking, Portal, Schnittstelle",
                    "62.01",
                ),
            ),
        ),
        nl=Texts(
            names=("{surname} Transport", "Transportbedrijf {surname}", "{surname} Logistiek"),
            descriptions=(
                "Transportbedrijf uit {city}: komplete en deelladingen tussen Nederland en "
                "Duitsland, ook gekoeld vervoer.",
                "Familiebedrijf {region} met eigen wagenpark voor stukgoed, deel- en complete "
                "ladingen, regionaal en over de grens.",
            ),
            offers=(
                item(
                    "Deel- en complete ladingen Nederland–Duitsland",
                    "Dagelijkse ritten tussen Twente, de Achterhoek en Noordrijn-Westfalen.",
                    "deellading, complete lading, Duitsland, transport",
                ),
                item(
                    "Gekoeld transport",
                    "Geconditioneerd vervoer van levensmiddelen met temperatuurregistratie.",
                    "koeltransport, levensmiddelen, temperatuur",
                ),
            ),
            needs=(
                item(
                    "Opslagruimte bij de grens",
                    "Partner met magazijn en overslag voor cross-docking.",
                    "opslag, cross-docking, overslag",
                    "52.10",
                ),
                item(
                    "Chauffeurs",
                    "Chauffeurs met rijbewijs CE, tijdelijk of voor vast.",
                    "chauffeur, CE, personeel",
                    "78.20,78.10",
                ),
                item(
                    "Track-and-trace voor klanten",
                    "Softwarepartner voor een klantportaal met track-and-trace.",
                    "track-and-trace, portaal, koppeling",
                    "62.01",
                ),
            ),
        ),
    ),
    Archetype(
        key="warehousing",
        nace=("52.10", "52.29"),
        weight=2,
        employees=(10, 100),
        revenue_per_head=(70, 120),
        founded=(1970, 2018),
        legal_forms_de=("GmbH", "GmbH & Co. KG"),
        legal_forms_nl=("B.V.",),
        sectors=("46", "47", "C"),
        types=(1.0, 0.0, 0.0),
        sizes=("small", "medium", "large"),
        customer_count=(10, 60),
        strengths=(
            ("production_capacity", 5),
            ("digital", 3),
            ("quality_management", 4),
            ("international", 3),
            ("marketing", 1),
            ("sales", 2),
        ),
        goals=("expand_customer_base", "pool_resources", "broaden_portfolio", "new_markets"),
        forms=("outsourcing", "supplier_partnership", "cross_border_partnership"),
        de=Texts(
            names=(
                "{surname} Lager und Logistik",
                "{surname} Kontraktlogistik",
                "{place} Logistikzentrum",
            ),
            descriptions=(
                "Kontraktlogistiker aus {city}: Lagerung, Kommissionierung, E-Commerce-Fulfillment "
                "und Verpackung für Industrie und Handel.",
                "Wir übernehmen Lager und Versand für Unternehmen {region}, mit "
                "Gefahrstofflager und Zollabwicklung.",
            ),
            offers=(
                item(
                    "Lagerung und Kommissionierung",
                    "Palettenstellplätze, Kleinteilelager und Kommissionierung nach Auftrag.",
                    "Lager, Kommissionierung, Palette",
                ),
                item(
                    "E-Commerce-Fulfillment",
                    "Versand für Onlinehändler inklusive Retourenabwicklung.",
                    "Fulfillment, Versand, Retouren, Onlinehandel",
                ),
            ),
            needs=(
                item(
                    "Transportpartner für den Nahverkehr",
                    "Spedition für tägliche Abholungen und Zustellungen in der Region.",
                    "Spedition, Zustellung, Nahverkehr",
                    "49.41",
                ),
                item(
                    "Verpackungen und Etiketten",
                    "Druckerei für bedruckte Kartonagen und Etiketten.",
                    "Verpackung, Etikett, Druck",
                    "18.12,17.21",
                ),
                item(
                    "Lagerhelfer in der Hochsaison",
                    "Personaldienstleister für das Weihnachtsgeschäft.",
                    "Lagerhelfer, Saison, Zeitarbeit",
                    "78.20",
                ),
            ),
        ),
        nl=Texts(
            names=(
                "{surname} Warehousing",
                "{surname} Opslag & Distributie",
                "{place} Logistiek Centrum",
            ),
            descriptions=(
                "Logistiek dienstverlener uit {city}: opslag, orderpicking, e-fulfilment en "
                "verpakken voor industrie en handel.",
                "Wij verzorgen opslag en verzending voor bedrijven {region}, met "
                "gevaarlijke-stoffenopslag en douaneafhandeling.",
            ),
            offers=(
                item(
                    "Opslag en orderpicking",
                    "Palletplaatsen, kleingoedopslag en orderpicking op maat.",
                    "opslag, orderpicking, pallet",
                ),
                item(
                    "E-fulfilment",
                    "Verzending voor webwinkels inclusief retourverwerking.",
                    "e-fulfilment, verzending, retouren",
                ),
            ),
            needs=(
                item(
                    "Vervoerder voor regionale ritten",
                    "Transportbedrijf voor dagelijkse ophaal- en afleverritten.",
                    "vervoerder, distributie, regionaal",
                    "49.41",
                ),
                item(
                    "Verpakkingen en etiketten",
                    "Drukkerij voor bedrukte dozen en etiketten.",
                    "verpakking, etiket, druk",
                    "18.12,17.21",
                ),
                item(
                    "Magazijnmedewerkers in het hoogseizoen",
                    "Uitzendbureau voor de drukke decembermaand.",
                    "magazijnmedewerker, uitzendkracht, seizoen",
                    "78.20",
                ),
            ),
        ),
    ),
    Archetype(
        key="bakery",
        nace=("10.71",),
        weight=3,
        employees=(5, 80),
        revenue_per_head=(45, 75),
        founded=(1900, 2010),
        legal_forms_de=("GmbH", "GmbH & Co. KG", "e.K.", "e.K."),
        legal_forms_nl=("B.V.", "V.O.F.", "V.O.F.", "eenmanszaak"),
        sectors=("47", "56", "I"),
        types=(0.3, 0.7, 0.0),
        sizes=("micro", "small"),
        customer_count=(500, 5000),
        strengths=(
            ("customer_service", 5),
            ("production_capacity", 3),
            ("marketing", 3),
            ("skilled_staff", 1),
            ("digital", 2),
        ),
        goals=("broaden_portfolio", "joint_marketing", "expand_customer_base", "reduce_costs"),
        forms=("marketing_alliance", "supplier_partnership", "referral_partnership"),
        de=Texts(
            names=("Bäckerei {surname}", "{surname} Backstube", "Landbäckerei {surname}"),
            descriptions=(
                "Handwerksbäckerei aus {city} mit Filialen in der Region: Brot, Brötchen und "
                "Kuchen nach eigenen Rezepten, mit Mehl aus heimischen Mühlen.",
                "Familienbäckerei {region} in vierter Generation, mit Café und Lieferservice "
                "für Betriebe und Veranstaltungen.",
            ),
            offers=(
                item(
                    "Frühstücks- und Brötchenservice für Betriebe",
                    "Tägliche Lieferung von Brötchen, belegten Broten und Kuchen.",
                    "Frühstück, Brötchen, Lieferung, Betrieb",
                ),
                item(
                    "Backwaren für Gastronomie und Hotels",
                    "Brot und Gebäck für Restaurants, Hotels und Kantinen.",
                    "Gastronomie, Hotel, Kantine, Brot",
                ),
            ),
            needs=(
                item(
                    "Catering-Partner für Veranstaltungen",
                    "Partner, mit dem wir Firmenfeiern und Messen gemeinsam beliefern.",
                    "Catering, Firmenfeier, Messe",
                    "56.21,82.30",
                ),
                item(
                    "Werbung und Social Media",
                    "Agentur für Aktionen, Social Media und unsere Filialwerbung.",
                    "Social Media, Werbung, Aktion",
                    "73.11",
                ),
                item(
                    "Kühllogistik",
                    "Transportpartner für die Belieferung von Großkunden.",
                    "Kühltransport, Auslieferung, Großkunde",
                    "49.41",
                ),
            ),
        ),
        nl=Texts(
            names=("Bakkerij {surname}", "Warme Bakker {surname}", "{surname} Brood & Banket"),
            descriptions=(
                "Ambachtelijke bakkerij uit {city} met winkels in de regio: brood, broodjes en "
                "gebak volgens eigen recept, met meel van lokale molens.",
                "Familiebakkerij {region} in de vierde generatie, met lunchroom en bezorging "
                "voor bedrijven en evenementen.",
            ),
            offers=(
                item(
                    "Lunch- en ontbijtservice voor bedrijven",
                    "Dagelijkse levering van broodjes, lunchpakketten en gebak.",
                    "lunch, ontbijt, broodjes, bezorging",
                ),
                item(
                    "Brood en banket voor horeca",
                    "Brood en gebak voor restaurants, hotels en kantines.",
                    "horeca, hotel, kantine, brood",
                ),
            ),
            needs=(
                item(
                    "Cateraar voor evenementen",
                    "Partner om samen bedrijfsfeesten en beurzen te verzorgen.",
                    "catering, bedrijfsfeest, beurs",
                    "56.21,82.30",
                ),
                item(
                    "Reclame en social media",
                    "Bureau voor acties, social media en winkelreclame.",
                    "social media, reclame, actie",
                    "73.11",
                ),
                item(
                    "Gekoeld vervoer",
                    "Vervoerder voor leveringen aan grote klanten.",
                    "koeltransport, levering, groothandel",
                    "49.41",
                ),
            ),
        ),
    ),
    Archetype(
        key="food-production",
        nace=("10.13", "10.85"),
        weight=2,
        employees=(8, 120),
        revenue_per_head=(120, 220),
        founded=(1920, 2015),
        legal_forms_de=("GmbH", "GmbH & Co. KG", "GmbH & Co. KG"),
        legal_forms_nl=("B.V.", "B.V.", "V.O.F."),
        sectors=("47", "46", "56"),
        types=(0.85, 0.15, 0.0),
        sizes=("small", "medium", "large"),
        customer_count=(40, 400),
        strengths=(
            ("production_capacity", 4),
            ("quality_management", 5),
            ("sales", 3),
            ("marketing", 2),
            ("international", 2),
            ("financing", 3),
        ),
        goals=("new_markets", "expand_customer_base", "joint_marketing", "overcome_entry_barriers"),
        forms=(
            "distribution",
            "supplier_partnership",
            "cross_border_partnership",
            "marketing_alliance",
        ),
        de=Texts(
            names=("{surname} Feinkost", "Fleischerei {surname}", "{surname} Landfleischerei"),
            descriptions=(
                "Fleischerei und Feinkostmanufaktur aus {city}: westfälische Wurstspezialitäten, "
                "Schinken und Fertiggerichte für Handel und Gastronomie.",
                "Wir verarbeiten Fleisch von Höfen {region} zu Spezialitäten und Menüs, "
                "IFS-zertifiziert.",
            ),
            offers=(
                item(
                    "Westfälische Wurst- und Schinkenspezialitäten",
                    "Knochenschinken, Mettwürste und Aufschnitt aus eigener Herstellung.",
                    "Schinken, Wurst, Spezialitäten, regional",
                ),
                item(
                    "Fertiggerichte für Kantinen",
                    "Menükomponenten und Suppen für Gemeinschaftsverpflegung.",
                    "Fertiggericht, Kantine, Gemeinschaftsverpflegung",
                ),
            ),
            needs=(
                item(
                    "Verpackungsdesign",
                    "Agentur für Etiketten und Verpackungen unserer Produktlinie.",
                    "Verpackungsdesign, Etikett, Produktlinie",
                    "73.11,74.10",
                ),
                item(
                    "Kühllogistik in die Niederlande",
                    "Spedition für gekühlte Lieferungen an Händler in den Niederlanden.",
                    "Kühltransport, Niederlande, Handel",
                    "49.41",
                ),
                item(
                    "Vertriebspartner in den Niederlanden",
                    "Bäckereien, Caterer und Feinkosthändler, die unsere Produkte führen.",
                    "Vertrieb, Niederlande, Feinkost",
                    "10.71,56.21",
                ),
            ),
        ),
        nl=Texts(
            names=("Slagerij {surname}", "{surname} Vleeswaren", "{surname} Maaltijden"),
            descriptions=(
                "Slagerij en vleeswarenmaker uit {city}: Twentse en Achterhoekse specialiteiten "
                "en kant-en-klare maaltijden voor retail en horeca.",
                "Wij verwerken vlees van boerderijen {region} tot specialiteiten en maaltijden, "
                "IFS-gecertificeerd.",
            ),
            offers=(
                item(
                    "Regionale vleesspecialiteiten",
                    "Rookworst, droge worst en vleeswaren uit eigen productie.",
                    "rookworst, droge worst, vleeswaren, streekproduct",
                ),
                item(
                    "Maaltijden voor bedrijfsrestaurants",
                    "Maaltijdcomponenten en soepen voor catering en zorg.",
                    "maaltijd, bedrijfsrestaurant, soep",
                ),
            ),
            needs=(
                item(
                    "Verpakkingsontwerp",
                    "Bureau voor etiketten en verpakkingen van onze productlijn.",
                    "verpakkingsontwerp, etiket",
                    "73.11,74.10",
                ),
                item(
                    "Gekoeld transport naar Duitsland",
                    "Vervoerder voor gekoelde leveringen aan Duitse afnemers.",
                    "koeltransport, Duitsland, afnemer",
                    "49.41",
                ),
                item(
                    "Afzetpartners in Duitsland",
                    "Bakkers, cateraars en delicatessenzaken die onze producten verkopen.",
                    "afzet, Duitsland, delicatessen",
                    "10.71,56.21",
                ),
            ),
        ),
    ),
    Archetype(
        key="printing",
        nace=("18.12",),
        weight=2,
        employees=(4, 60),
        revenue_per_head=(90, 140),
        founded=(1950, 2012),
        legal_forms_de=("GmbH", "GmbH & Co. KG", "e.K."),
        legal_forms_nl=("B.V.", "B.V.", "V.O.F."),
        sectors=("M", "C", "47", "84"),
        types=(0.85, 0.1, 0.05),
        sizes=("micro", "small", "medium"),
        customer_count=(80, 600),
        strengths=(
            ("production_capacity", 5),
            ("quality_management", 4),
            ("digital", 3),
            ("marketing", 2),
            ("sales", 3),
        ),
        goals=("broaden_portfolio", "referral_business", "reduce_costs", "pool_resources"),
        forms=("supplier_partnership", "referral_partnership", "outsourcing"),
        de=Texts(
            names=("Druckerei {surname}", "{surname} Druck und Medien", "{surname} Druckhaus"),
            descriptions=(
                "Druckerei aus {city}: Offset- und Digitaldruck, Broschüren, Geschäftsausstattung "
                "und Verpackungen.",
                "Wir drucken für Agenturen, Vereine und Unternehmen {region}, klimaneutral und "
                "mit eigener Weiterverarbeitung.",
            ),
            offers=(
                item(
                    "Offset- und Digitaldruck",
                    "Broschüren, Flyer, Plakate und Geschäftsausstattung in jeder Auflage.",
                    "Offsetdruck, Digitaldruck, Broschüre, Flyer",
                ),
                item(
                    "Etiketten und Faltschachteln",
                    "Bedruckte Verpackungen und Etiketten für Lebensmittel und Industrie.",
                    "Etikett, Faltschachtel, Verpackung",
                ),
            ),
            needs=(
                item(
                    "Agenturen für die Gestaltung",
                    "Werbeagenturen, die Kunden mit Druckbedarf zu uns bringen und Gestaltung "
                    "übernehmen.",
                    "Werbeagentur, Gestaltung, Empfehlung",
                    "73.11",
                ),
                item(
                    "Lettershop und Versand",
                    "Partner für Kuvertierung, Mailings und Versand.",
                    "Lettershop, Mailing, Versand",
                    "52.10,82.19",
                ),
                item(
                    "Web-to-Print-Shop",
                    "Softwarepartner für einen Onlineshop mit Druckdatenprüfung.",
                    "Web-to-Print, Onlineshop, Druckdaten",
                    "62.01",
                ),
            ),
        ),
        nl=Texts(
            names=("Drukkerij {surname}", "{surname} Print & Media", "{surname} Grafimedia"),
            descriptions=(
                "Drukkerij uit {city}: offset- en digitaal drukwerk, brochures, huisstijl-"
                "drukwerk en verpakkingen.",
                "Wij drukken voor bureaus, verenigingen en bedrijven {region}, klimaatneutraal en "
                "met eigen nabewerking.",
            ),
            offers=(
                item(
                    "Offset en digitaal drukwerk",
                    "Brochures, flyers, posters en huisstijldrukwerk in elke oplage.",
                    "offset, digitaal drukwerk, brochure, flyer",
                ),
                item(
                    "Etiketten en vouwdozen",
                    "Bedrukte verpakkingen en etiketten voor voeding en industrie.",
                    "etiket, vouwdoos, verpakking",
                ),
            ),
            needs=(
                item(
                    "Bureaus voor vormgeving",
                    "Reclamebureaus die klanten met drukwerk naar ons brengen.",
                    "reclamebureau, vormgeving, doorverwijzing",
                    "73.11",
                ),
                item(
                    "Mailinghuis en verzending",
                    "Partner voor couverteren, mailings en verzending.",
                    "mailing, couverteren, verzending",
                    "52.10,82.19",
                ),
                item(
                    "Web-to-print-webshop",
                    "Softwarepartner voor een webshop met bestandscontrole.",
                    "web-to-print, webshop, bestandscontrole",
                    "62.01",
                ),
            ),
        ),
    ),
    Archetype(
        key="events-catering",
        nace=("56.21", "82.30"),
        weight=2,
        employees=(3, 40),
        revenue_per_head=(50, 90),
        founded=(1985, 2020),
        legal_forms_de=("GmbH", "GmbH & Co. KG", "e.K."),
        legal_forms_nl=("B.V.", "V.O.F.", "eenmanszaak"),
        sectors=("C", "M", "84", "94"),
        types=(0.7, 0.25, 0.05),
        sizes=("small", "medium", "large"),
        customer_count=(60, 400),
        strengths=(
            ("customer_service", 5),
            ("marketing", 3),
            ("production_capacity", 3),
            ("skilled_staff", 2),
            ("digital", 2),
        ),
        goals=("joint_marketing", "expand_customer_base", "pool_resources", "new_markets"),
        forms=("marketing_alliance", "project_group", "referral_partnership"),
        de=Texts(
            names=("{surname} Event und Catering", "{surname} Eventservice", "{place} Catering"),
            descriptions=(
                "Event-Caterer aus {city}: Firmenfeiern, Messen, Tagungen und Sommerfeste mit "
                "regionaler Küche.",
                "Wir organisieren und bewirten Veranstaltungen {region}, von der Tagung für 20 "
                "Gäste bis zum Betriebsfest für 800.",
            ),
            offers=(
                item(
                    "Catering für Firmenveranstaltungen",
                    "Buffets, Fingerfood und Grill für Feiern, Tagungen und Messen.",
                    "Catering, Buffet, Firmenfeier, Tagung",
                ),
                item(
                    "Eventorganisation",
                    "Planung, Technik, Location und Ablauf aus einer Hand.",
                    "Eventorganisation, Location, Veranstaltungstechnik",
                ),
            ),
            needs=(
                item(
                    "Druckerei für Einladungen und Beschilderung",
                    "Partner für Einladungen, Menükarten und Banner.",
                    "Druck, Einladung, Banner",
                    "18.12",
                ),
                item(
                    "Regionale Lebensmittel",
                    "Bäckereien und Fleischereien als feste Lieferanten.",
                    "Bäckerei, Fleischerei, regional",
                    "10.71,10.13",
                ),
                item(
                    "Fotograf für Veranstaltungen",
                    "Foto- und Videoteam, das unsere Events dokumentiert.",
                    "Eventfotografie, Video, Dokumentation",
                    "74.20,59.11",
                ),
            ),
        ),
        nl=Texts(
            names=("{surname} Catering & Events", "{surname} Evenementen", "{place} Catering"),
            descriptions=(
                "Cateraar en evenementenbureau uit {city}: bedrijfsfeesten, beurzen, congressen "
                "en zomerfeesten met streekproducten.",
                "Wij organiseren en verzorgen evenementen {region}, van een vergadering voor 20 "
                "gasten tot een personeelsfeest voor 800.",
            ),
            offers=(
                item(
                    "Catering voor bedrijfsevenementen",
                    "Buffetten, hapjes en barbecue voor feesten, congressen en beurzen.",
                    "catering, buffet, bedrijfsfeest, congres",
                ),
                item(
                    "Organisatie van evenementen",
                    "Planning, techniek, locatie en draaiboek uit één hand.",
                    "evenementenorganisatie, locatie, techniek",
                ),
            ),
            needs=(
                item(
                    "Drukkerij voor uitnodigingen en bewegwijzering",
                    "Partner voor uitnodigingen, menukaarten en banners.",
                    "drukwerk, uitnodiging, banner",
                    "18.12",
                ),
                item(
                    "Streekproducten",
                    "Bakkers en slagers als vaste leveranciers.",
                    "bakker, slager, streekproduct",
                    "10.71,10.13",
                ),
                item(
                    "Fotograaf voor evenementen",
                    "Foto- en videoteam dat onze evenementen vastlegt.",
                    "evenementenfotografie, video",
                    "74.20,59.11",
                ),
            ),
        ),
    ),
)
