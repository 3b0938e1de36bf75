"""Cases opened before reported persons were kept on the case get them from their report."""

from django.db import migrations


def copy_reported_persons(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Respondent = apps.get_model("cases", "Respondent")
    ReportedPerson = apps.get_model("reports", "ReportedPerson")
    for case in Case.objects.exclude(submission=None).filter(respondents=None).iterator():
        for person in ReportedPerson.objects.filter(submission_id=case.submission_id):
            employee = person.employee
            government_id = case.region_id
            subject_type = "unknown"
            if employee is not None:
                subject_type = employee.employment_type
                agency = employee.agency
                government_id = (
                    agency.region_id if agency and agency.region_id else employee.region_id
                )
            Respondent.objects.create(
                case=case,
                employee=employee,
                name=person.name,
                nip=person.nip,
                agency=person.agency,
                position=person.position,
                subject_type=subject_type,
                government_id=government_id,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_respondents_attachments_letter_templates"),
        ("reports", "0001_initial"),
        ("people", "0004_name_codes"),
    ]
    operations = [migrations.RunPython(copy_reported_persons, migrations.RunPython.noop)]
