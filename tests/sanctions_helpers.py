"""Recommending in tests: one proven photo with a candidate's gesture after the candidates
were determined (DIS-07, berat), for every reported person of a case."""

from datetime import date

from netra.sanctions import actions, rules

PHOTO_AFTER_DETERMINATION = (rules.Conduct("partisan_photo", date(2024, 10, 5)),)
DEMOTION = "Penurunan jabatan setingkat lebih rendah selama 12 bulan"


def choices_for(
    case,
    sanction=DEMOTION,
    employment="PNS",
    conduct=PHOTO_AFTER_DETERMINATION,
    deviation_reason="",
):
    return {
        r: actions.Choice(employment, conduct, sanction, deviation_reason)
        for r in case.respondents.all()
    }


def recommend(bkn_officer, case, **choice):
    return actions.recommend(
        bkn_officer,
        case,
        version=case.version,
        verification="Terbukti.",
        choices=choices_for(case, **choice),
    )


DECREE_PDF = b"%PDF-1.7\n% keputusan\n%%EOF\n"


def impose(ppk_officer, case, decided_on):
    """The PPK's decree on the case's one recommendation (a written warning, dated
    DECIDED_ON); the case as it is then."""
    (recommendation,) = case.recommendations.all()
    actions.record_decree(
        ppk_officer,
        recommendation,
        version=case.version,
        outcome="imposed",
        number="800/5/35.09/2024",
        decided_on=decided_on,
        sanction="Teguran tertulis",
        pdf=DECREE_PDF,
    )
    case.refresh_from_db()
    return case
