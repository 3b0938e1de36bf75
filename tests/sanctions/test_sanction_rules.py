"""The rule engine against a table of scenarios (docs/DOMAIN.md, "Violations and sanctions")."""

from datetime import date, timedelta

import pytest

from netra.sanctions import rules
from netra.sanctions.rules import Conduct, ProposalError

CATALOG = rules.shipped_catalog()
DETERMINED = date(2024, 9, 22)  # Pilkada 2024: penetapan pasangan calon
BEFORE, AFTER = DETERMINED - timedelta(days=1), DETERMINED + timedelta(days=1)

#: kind -> (code before the determination, code from it)
KIND_CODES = {
    "campaign_props": ("ETIK-01", "DIS-01"),
    "social_media_campaign": ("ETIK-02", "DIS-02"),
    "attend_declaration": ("ETIK-03", "DIS-04"),
    "social_media_engagement": ("ETIK-04", "DIS-06"),
    "partisan_photo": ("ETIK-05", "DIS-07"),
    "join_campaign_event": ("ETIK-06", "P5N-1"),
    "spouse_campaign": ("ETIK-07", "DIS-04"),
    "approach_party_as_candidate": ("DIS-03", "DIS-03"),
    "party_membership": ("DIS-05", "DIS-05"),
    "partisan_activity": ("DIS-08", "DIS-08"),
    "campaign_team_member": ("DIS-09", "DIS-10"),
    "independent_candidate_support": ("DIS-11", "DIS-11"),
    "favouring_decision": ("DIS-12", "DIS-12"),
    "use_of_state_facilities": ("P5N-4", "P5N-4"),
    "mobilising_civil_servants": ("P5N-3", "P5N-3"),
}
LEVEL = {
    "ETIK": "moral",
    "DIS-01": "berat",
    "DIS-02": "berat",
    "DIS-03": "sedang",
    "DIS-04": "berat",
    "DIS-05": "ptdh",
    "DIS-06": "berat",
    "DIS-07": "berat",
    "DIS-08": "berat",
    "DIS-09": "sedang",
    "DIS-10": "berat",
    "DIS-11": "berat",
    "DIS-12": "berat",
    "P5N-1": "sedang",
    "P5N-3": "berat",
    "P5N-4": "berat",
}


def propose(employment="PNS", *conduct):
    return rules.propose(
        CATALOG, determination_date=DETERMINED, employment=employment, conduct=list(conduct)
    )


def level_of(code):
    return LEVEL["ETIK"] if code.startswith("ETIK") else LEVEL[code]


@pytest.mark.parametrize("kind", sorted(KIND_CODES))
@pytest.mark.parametrize("side", ["before", "after"])
def test_each_conduct_maps_to_its_code_on_each_side_of_the_determination(kind, side):
    when = BEFORE if side == "before" else AFTER
    expected = KIND_CODES[kind][0 if side == "before" else 1]
    proposal = propose("PNS", Conduct(kind, when))
    assert proposal.codes == (expected,)
    assert proposal.level == level_of(expected)
    assert proposal.track == ("ethics" if expected.startswith("ETIK") else "discipline")
    assert proposal.sanction_options == tuple(CATALOG.forms[proposal.level])
    assert proposal.forward_to == "BKN"
    assert proposal.criminal_referral == (kind == "favouring_decision")
    assert all(basis in proposal.legal_basis for basis in CATALOG.codes[expected]["legal_basis"])


def test_the_determination_day_itself_counts_as_after_as_the_catalog_says():
    assert propose("PNS", Conduct("partisan_photo", DETERMINED)).codes == ("DIS-07",)


def test_ethics_sanctions_are_moral_statements_declared_by_the_ppk():
    proposal = propose("PNS", Conduct("campaign_props", BEFORE))
    assert proposal.sanction_options == (
        "Sanksi moral pernyataan secara tertutup",
        "Sanksi moral pernyataan secara terbuka",
    )
    assert "PP 42/2004 Pasal 11 huruf c" in proposal.legal_basis
    assert "PPK" in proposal.decided_by


def test_party_membership_is_dismissal_without_honour_at_any_time():
    for when in (BEFORE, AFTER, date(2020, 1, 1)):
        proposal = propose("PNS", Conduct("party_membership", when))
        assert (proposal.level, proposal.sanction_options) == (
            "ptdh",
            ("Pemberhentian tidak dengan hormat sebagai PNS",),
        )


def test_several_conducts_are_all_listed_and_the_most_severe_governs():
    proposal = propose(
        "PNS",
        Conduct("social_media_engagement", BEFORE),
        Conduct("approach_party_as_candidate", AFTER),
        Conduct("partisan_photo", AFTER),
        Conduct("partisan_photo", AFTER),
    )
    assert proposal.codes == ("ETIK-04", "DIS-03", "DIS-07")
    assert (proposal.track, proposal.level, proposal.governing_code) == (
        "discipline",
        "berat",
        "DIS-07",
    )
    assert "PP 42/2004 Pasal 11 huruf c" in proposal.legal_basis  # the ethics code's basis too


def test_pppk_follow_the_pns_procedure_with_contract_termination_as_the_heaviest_form():
    proposal = propose("PPPK", Conduct("partisan_photo", AFTER))
    assert proposal.track == "discipline" and proposal.level == "berat"
    assert proposal.sanction_options[-1] == (
        "Pemutusan hubungan perjanjian kerja dengan hormat tidak atas permintaan sendiri"
    )
    assert "PP 49/2018 tentang Manajemen PPPK Pasal 52" in proposal.legal_basis
    assert propose("PPPK", Conduct("party_membership", AFTER)).sanction_options == (
        "Pemutusan hubungan perjanjian kerja tidak dengan hormat",
    )


def test_cpns_follow_the_pns_procedure_and_lose_their_candidacy_at_the_heaviest():
    proposal = propose("CPNS", Conduct("campaign_props", AFTER))
    assert proposal.sanction_options[-1] == "Pemberhentian sebagai CPNS"
    assert proposal.forward_to == "BKN"


def test_non_asn_staff_go_to_the_regional_head_under_their_contract():
    proposal = propose("NON_ASN", Conduct("partisan_photo", AFTER))
    assert (proposal.track, proposal.level, proposal.forward_to) == (
        "contract",
        None,
        "REGIONAL_HEAD",
    )
    assert "Pemutusan perjanjian kerja" in proposal.sanction_options
    assert proposal.codes == ("DIS-07",)  # the conduct is still named
    assert not any(b.startswith("PP 94/2021") for b in proposal.legal_basis)


@pytest.mark.parametrize("employment", ["VILLAGE_HEAD", "VILLAGE_OFFICIAL"])
def test_village_heads_and_officials_go_to_the_regent_under_the_village_law(employment):
    proposal = propose(employment, Conduct("attend_declaration", AFTER))
    assert (proposal.track, proposal.level, proposal.forward_to) == (
        "village",
        None,
        "REGIONAL_HEAD",
    )
    assert proposal.sanction_options == (
        "Teguran lisan",
        "Teguran tertulis",
        "Pemberhentian sementara",
        "Pemberhentian",
    )
    assert any(b.startswith("UU 6/2014") for b in proposal.legal_basis)


@pytest.mark.parametrize("employment, institution", [("TNI", "TNI"), ("POLRI", "POLRI")])
def test_tni_and_polri_members_go_to_their_own_institutions(employment, institution):
    proposal = propose(employment, Conduct("campaign_props", AFTER))
    assert (proposal.track, proposal.level, proposal.forward_to) == (
        "institution",
        None,
        institution,
    )


@pytest.mark.parametrize("employment", list(rules.EMPLOYMENT))
def test_a_decision_favouring_a_candidate_also_goes_to_gakkumdu_whoever_made_it(employment):
    proposal = propose(employment, Conduct("favouring_decision", AFTER))
    assert proposal.criminal_referral
    assert "UU 10/2016 (UU Pemilihan) Pasal 71 ayat (1) jo. Pasal 188" in proposal.legal_basis


def test_uncertain_points_travel_with_the_proposal():
    assert any("sedang" in n for n in propose("PNS", Conduct("partisan_activity", AFTER)).notes)
    assert propose("PNS", Conduct("spouse_campaign", AFTER)).notes


def test_an_election_without_a_determination_date_applies_the_discipline_codes():
    proposal = rules.propose(
        CATALOG,
        determination_date=None,
        employment="PNS",
        conduct=[Conduct("partisan_photo", BEFORE)],
    )
    assert proposal.codes == ("DIS-07",)


@pytest.mark.parametrize(
    "payload, code",
    [
        (
            {
                "election": "pilkada-2024",
                "subject": {"employment": "PNS"},
                "conduct": [{"kind": "dancing", "date": "2024-10-01"}],
            },
            "unknown_kind",
        ),
        (
            {
                "election": "pilkada-2024",
                "subject": {"employment": "PNS"},
                "conduct": [{"kind": "partisan_photo", "date": "1/10/2024"}],
            },
            "bad_date",
        ),
        (
            {
                "election": "pilkada-2024",
                "subject": {"employment": "PNS"},
                "conduct": [{"kind": "partisan_photo", "date": "2024-02-30"}],
            },
            "bad_date",
        ),
        (
            {
                "election": "pilkada-2099",
                "subject": {"employment": "PNS"},
                "conduct": [{"kind": "partisan_photo", "date": "2024-10-01"}],
            },
            "unknown_election",
        ),
        (
            {
                "election": "pilkada-2024",
                "subject": {"employment": "PRESIDENT"},
                "conduct": [{"kind": "partisan_photo", "date": "2024-10-01"}],
            },
            "unknown_employment",
        ),
        (
            {"election": "pilkada-2024", "subject": {"employment": "PNS"}, "conduct": []},
            "no_conduct",
        ),
        (["not", "an", "object"], "bad_input"),
    ],
)
def test_bad_requests_are_refused_with_their_reason(payload, code):
    with pytest.raises(ProposalError) as refused:
        rules.parse_request(payload, {"pilkada-2024": DETERMINED})
    assert refused.value.code == code


def test_every_catalog_code_is_proposed_for_some_conduct_or_says_why_not():
    proposed = {code for pair in KIND_CODES.values() for code in pair}
    for code, entry in CATALOG.codes.items():
        if code in proposed:
            continue
        assert entry.get("same_as") in proposed or entry.get("note"), code
