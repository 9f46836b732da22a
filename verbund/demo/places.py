"""Towns of the demo programme area with real postcodes and the register court that serves them.

Münsterland (Münster and the districts Borken, Coesfeld, Steinfurt, Warendorf) and Osnabrück
(city and district) on the German side, Twente and the Achterhoek on the Dutch side. Every name
resolves in the offline gazetteer to the right town (checked by tests/demo/test_profiles.py):
'Hagen am Teutoburger Wald' is spelled out because plain 'Hagen' is the big city in the Ruhr.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Town:
    city: str
    country: str
    area: str  # key of AREAS
    postcodes: tuple[str, ...]  # DE: five digits; NL: the four digits, letters are added
    weight: int  # rough share of the area's companies (bigger towns host more)
    court: str = ""  # German register court (Amtsgericht) keeping the Handelsregister


@dataclass(frozen=True)
class Area:
    country: str
    name: str  # as used in a company name ("Münsterland Akademie", "Twente Flex")
    phrase: str  # "im Münsterland", "in Twente": completes "... für Unternehmen {region}"


AREAS: dict[str, Area] = {
    "muensterland": Area("DE", "Münsterland", "im Münsterland"),
    "osnabrueck": Area("DE", "Osnabrücker Land", "im Osnabrücker Land"),
    "twente": Area("NL", "Twente", "in Twente"),
    "achterhoek": Area("NL", "Achterhoek", "in de Achterhoek"),
}


def _de(city: str, area: str, court: str, weight: int, *postcodes: str) -> Town:
    return Town(city, "DE", area, postcodes, weight, court)


def _nl(city: str, area: str, weight: int, *postcodes: str) -> Town:
    return Town(city, "NL", area, postcodes, weight)


MS, OS, TW, AH = "muensterland", "osnabrueck", "twente", "achterhoek"

TOWNS: tuple[Town, ...] = (
    # Münster (kreisfrei); its register court also keeps the register for Kreis Warendorf.
    _de(
        "Münster",
        MS,
        "Münster",
        16,
        "48143",
        "48145",
        "48147",
        "48149",
        "48151",
        "48153",
        "48155",
        "48157",
        "48159",
        "48161",
        "48163",
        "48165",
        "48167",
    ),
    # Kreis Borken and Kreis Coesfeld: register at Amtsgericht Coesfeld.
    _de("Bocholt", MS, "Coesfeld", 4, "46395", "46397", "46399"),
    _de("Borken", MS, "Coesfeld", 3, "46325"),
    _de("Ahaus", MS, "Coesfeld", 3, "48683"),
    _de("Gronau", MS, "Coesfeld", 3, "48599"),
    _de("Vreden", MS, "Coesfeld", 2, "48691"),
    _de("Stadtlohn", MS, "Coesfeld", 2, "48703"),
    _de("Rhede", MS, "Coesfeld", 1, "46414"),
    _de("Gescher", MS, "Coesfeld", 1, "48712"),
    _de("Heek", MS, "Coesfeld", 1, "48619"),
    _de("Velen", MS, "Coesfeld", 1, "46342"),
    _de("Südlohn", MS, "Coesfeld", 1, "46354"),
    _de("Coesfeld", MS, "Coesfeld", 3, "48653"),
    _de("Dülmen", MS, "Coesfeld", 3, "48249"),
    _de("Lüdinghausen", MS, "Coesfeld", 2, "59348"),
    _de("Nottuln", MS, "Coesfeld", 1, "48301"),
    _de("Billerbeck", MS, "Coesfeld", 1, "48727"),
    _de("Havixbeck", MS, "Coesfeld", 1, "48329"),
    _de("Olfen", MS, "Coesfeld", 1, "59399"),
    # Kreis Steinfurt: Amtsgericht Steinfurt.
    _de("Rheine", MS, "Steinfurt", 4, "48429", "48431", "48432"),
    _de("Ibbenbüren", MS, "Steinfurt", 3, "49477", "49479"),
    _de("Steinfurt", MS, "Steinfurt", 2, "48565"),
    _de("Emsdetten", MS, "Steinfurt", 2, "48282"),
    _de("Greven", MS, "Steinfurt", 2, "48268"),
    _de("Ochtrup", MS, "Steinfurt", 1, "48607"),
    _de("Lengerich", MS, "Steinfurt", 1, "49525"),
    _de("Hörstel", MS, "Steinfurt", 1, "48477"),
    _de("Mettingen", MS, "Steinfurt", 1, "49497"),
    _de("Altenberge", MS, "Steinfurt", 1, "48341"),
    # Kreis Warendorf.
    _de("Ahlen", MS, "Münster", 3, "59227", "59229"),
    _de("Warendorf", MS, "Münster", 2, "48231"),
    _de("Oelde", MS, "Münster", 2, "59302"),
    _de("Beckum", MS, "Münster", 2, "59269"),
    _de("Telgte", MS, "Münster", 1, "48291"),
    _de("Sendenhorst", MS, "Münster", 1, "48324"),
    _de("Ennigerloh", MS, "Münster", 1, "59320"),
    _de("Everswinkel", MS, "Münster", 1, "48351"),
    # Osnabrück (city and Landkreis): Amtsgericht Osnabrück.
    _de(
        "Osnabrück",
        OS,
        "Osnabrück",
        14,
        "49074",
        "49076",
        "49078",
        "49080",
        "49082",
        "49084",
        "49086",
        "49088",
        "49090",
    ),
    _de("Melle", OS, "Osnabrück", 3, "49324", "49326", "49328"),
    _de("Georgsmarienhütte", OS, "Osnabrück", 2, "49124"),
    _de("Bramsche", OS, "Osnabrück", 2, "49565"),
    _de("Wallenhorst", OS, "Osnabrück", 1, "49134"),
    _de("Belm", OS, "Osnabrück", 1, "49191"),
    _de("Quakenbrück", OS, "Osnabrück", 1, "49610"),
    _de("Bad Iburg", OS, "Osnabrück", 1, "49186"),
    _de("Bad Essen", OS, "Osnabrück", 1, "49152"),
    _de("Bersenbrück", OS, "Osnabrück", 1, "49593"),
    _de("Hasbergen", OS, "Osnabrück", 1, "49205"),
    _de("Bissendorf", OS, "Osnabrück", 1, "49143"),
    _de("Ostercappeln", OS, "Osnabrück", 1, "49179"),
    _de("Hagen am Teutoburger Wald", OS, "Osnabrück", 1, "49170"),
    _de("Hilter am Teutoburger Wald", OS, "Osnabrück", 1, "49176"),
    _de("Bohmte", OS, "Osnabrück", 1, "49163"),
    _de("Dissen am Teutoburger Wald", OS, "Osnabrück", 1, "49201"),
    # Twente.
    _nl(
        "Enschede",
        TW,
        12,
        "7511",
        "7512",
        "7513",
        "7514",
        "7521",
        "7522",
        "7523",
        "7524",
        "7541",
        "7542",
        "7543",
        "7544",
        "7545",
        "7546",
        "7547",
    ),
    _nl("Hengelo", TW, 6, "7551", "7552", "7553", "7554", "7555", "7556"),
    _nl("Almelo", TW, 5, "7601", "7602", "7603", "7604", "7607", "7609"),
    _nl("Oldenzaal", TW, 3, "7571", "7572", "7573", "7574", "7575"),
    _nl("Borne", TW, 2, "7621", "7622", "7623"),
    _nl("Haaksbergen", TW, 2, "7481", "7482"),
    _nl("Rijssen", TW, 2, "7461", "7462", "7463"),
    _nl("Nijverdal", TW, 2, "7441", "7442", "7443"),
    _nl("Losser", TW, 1, "7581"),
    _nl("Goor", TW, 1, "7471"),
    _nl("Delden", TW, 1, "7491"),
    _nl("Tubbergen", TW, 1, "7651"),
    _nl("Vriezenveen", TW, 1, "7671"),
    _nl("Wierden", TW, 1, "7642"),
    _nl("Ootmarsum", TW, 1, "7631"),
    # Achterhoek.
    _nl(
        "Doetinchem", AH, 6, "7001", "7002", "7003", "7004", "7005", "7006", "7007", "7008", "7009"
    ),
    _nl("Winterswijk", AH, 3, "7101", "7102", "7103", "7104", "7105", "7106"),
    _nl("Aalten", AH, 2, "7121", "7122"),
    _nl("Groenlo", AH, 2, "7141"),
    _nl("Lichtenvoorde", AH, 2, "7131"),
    _nl("Eibergen", AH, 2, "7151"),
    _nl("Lochem", AH, 2, "7241", "7242"),
    _nl("Neede", AH, 1, "7161"),
    _nl("Borculo", AH, 1, "7271"),
    _nl("Ruurlo", AH, 1, "7261"),
    _nl("Zelhem", AH, 1, "7021"),
    _nl("Gaanderen", AH, 1, "7011"),
    _nl("Terborg", AH, 1, "7061"),
    _nl("Ulft", AH, 1, "7071"),
    _nl("Dinxperlo", AH, 1, "7091"),
    _nl("Varsseveld", AH, 1, "7051"),
    _nl("Vorden", AH, 1, "7251"),
)

# Regions a town must resolve to, per area (ISO 3166-2).
AREA_REGIONS = {MS: "DE-NW", OS: "DE-NI", TW: "NL-OV", AH: "NL-GE"}


def towns_in(area: str) -> tuple[Town, ...]:
    return tuple(t for t in TOWNS if t.area == area)
