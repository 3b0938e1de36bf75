"""The staff roles' names, defined once: accounts.models.Role gives them their labels, and the
pure case workflow (cases/workflow.py) says which of them may make each move. Django-free."""

ADMIN = "admin"
BAWASLU_RI = "bawaslu_ri"
BAWASLU_PROVINCE = "bawaslu_province"
BAWASLU_REGENCY = "bawaslu_regency"
BKPSDM = "bkpsdm"
BKN = "bkn"
PPK = "ppk"
AUDITOR = "auditor"
