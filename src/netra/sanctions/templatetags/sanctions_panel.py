"""The recommendation and decree panel of the case page, kept with the sanctions app so that
the cases app does not depend on it."""

from django import template

from netra.accounts.access import can, may_answer_for
from netra.cases import workflow as wf

from ..forms import DecreeForm, RecommendationForm

register = template.Library()


@register.inclusion_tag("sanctions/_panel.html", takes_context=True)
def sanctions_panel(context, case):
    user = context["request"].user
    recommendations = list(case.recommendations.select_related("respondent", "decree", "issued_by"))
    for recommendation in recommendations:
        recommendation.deviates = bool(recommendation.deviation_reason)
    can_recommend = case.state == wf.BKN_VERIFICATION and can(user, "cases.recommend")
    can_decree = case.state in (wf.RECOMMENDED, wf.PPK_OVERDUE) and can(user, "cases.decree")
    refused = context.get("decree_forms") or {}
    for recommendation in recommendations:
        recommendation.form = (
            refused.get(recommendation.pk) or DecreeForm(prefix=f"r{recommendation.pk}")
            if can_decree
            and not recommendation.answered
            and may_answer_for(user, recommendation.government_id)
            else None
        )
    return {
        "case": case,
        "recommendations": recommendations,
        "now": context.get("now"),
        "csrf_token": context.get("csrf_token"),
        "recommendation_form": (
            context.get("recommendation_form")
            or RecommendationForm(respondents=case.respondents.all())
            if can_recommend
            else None
        ),
        "refused_step": context.get("refused_step"),
        "refused_message": context.get("refused_message"),
        "kept": context.get("kept") or {},
        "steps": list(case.follow_up_steps.select_related("taken_by")),
        "can_take_steps": can(user, "cases.recommend"),
    }
