import copy

from netra.monitoring.nlp import classify
from netra.sanctions import rules


def test_the_engine_reads_its_kinds_and_employments_from_the_catalog():
    shipped = rules.shipped_catalog()
    assert rules.KINDS == tuple(shipped.data["kinds"])
    assert rules.EMPLOYMENT == tuple(e.upper() for e in shipped.data["employment"])


def test_a_new_kind_in_the_catalog_data_is_proposed_and_labelled():
    data = copy.deepcopy(rules.shipped_catalog().data)
    data["kinds"]["new_kind"] = {
        "before": "ETIK-01",
        "after": "DIS-01",
        "label_id": "Perilaku baru",
        "label_en": "A new conduct",
    }
    catalog = rules.Catalog(data)
    assert "new_kind" in catalog.kind_names
    assert catalog.kind_labels("id")["new_kind"] == "Perilaku baru"
    assert catalog.kind_labels("en-us")["new_kind"] == "A new conduct"
    proposal = rules.propose(
        catalog,
        determination_date=None,
        employment="PNS",
        conduct=[rules.Conduct("new_kind", rules.date(2024, 9, 1))],
    )
    assert proposal.codes == ("DIS-01",)


def test_a_version_saved_without_labels_borrows_the_shipped_ones():
    data = copy.deepcopy(rules.shipped_catalog().data)
    for rule in data["kinds"].values():
        rule.pop("label_id"), rule.pop("label_en")
    labels = rules.Catalog(data).kind_labels("id", fallback=rules.shipped_catalog())
    assert labels["campaign_props"] == "Memasang alat peraga kampanye"


def test_the_classifier_takes_both_codes_of_a_family_from_the_catalog():
    kinds = rules.shipped_catalog().kinds
    text = "Like dan share akun Bambang Sari ya, ajak teman sekantor"
    (after,) = classify.classify(text).codes
    (before,) = classify.classify(text, before_determination=True).codes
    families = [kind for kind, codes in kinds.items() if codes["after"] == after]
    assert families and before in {kinds[kind]["before"] for kind in families}
