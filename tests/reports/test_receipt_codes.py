from netra.reports import receipts

FAST = {"memory_kib": 1024, "time_cost": 1}


def test_a_code_has_twenty_digits_and_is_grouped_for_writing_down():
    code = receipts.new_code()
    assert len(code) == 20 and code.isdigit()
    assert receipts.formatted(code).count(" ") == 4


def test_codes_do_not_repeat():
    assert len({receipts.new_code() for _ in range(1000)}) == 1000


def test_the_hash_is_the_same_for_the_same_code_however_it_is_typed():
    code = receipts.new_code()
    salt = b"installation-salt"
    typed = "-".join(receipts.formatted(code).split(" "))
    assert receipts.code_hash(code, salt, **FAST) == receipts.code_hash(typed, salt, **FAST)


def test_the_hash_depends_on_the_installation_salt_and_hides_the_code():
    code = receipts.new_code()
    one = receipts.code_hash(code, b"salt-one", **FAST)
    assert one != receipts.code_hash(code, b"salt-two", **FAST)
    assert code not in one and len(one) == 64


def test_only_complete_codes_are_well_formed():
    assert receipts.is_well_formed("1234 5678 9012 3456 7890")
    assert not receipts.is_well_formed("1234 5678")
    assert not receipts.is_well_formed("")
