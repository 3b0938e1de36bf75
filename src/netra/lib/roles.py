"""The staff roles' names, defined once: accounts.models.Role gives them their labels, and the
pure case workflow (cases/workflow.py) says which of them may make each move. Django-free."""

ADMIN = "admin"
BAWASLU_RI = "bawaslu_ri"
BAWASLU_PROVINCE = "bawaslu_province"
BAWASLU_REGENCY = "bawaslu_regency"
# District supervisors (Panwascam): receive and study the reports of their districts (kecamatan)
# and hand them to the regency or city office, which registers and decides.
PANWASCAM = "panwascam"
BKPSDM = "bkpsdm"
BKN = "bkn"
PPK = "ppk"
AUDITOR = "auditor"
