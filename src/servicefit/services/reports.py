"""Building the recruiter and candidate reports of one attempt."""

from __future__ import annotations

from datetime import date

from servicefit.domain.answers import WrittenAnswer
from servicefit.domain.fit import Status
from servicefit.domain.items import WrittenItem
from servicefit.domain.language import Language
from servicefit.errors import NotFound
from servicefit.reports.chart import ChartRow, profile_chart
from servicefit.reports.render import Audience, ReportView, labels, render_html, render_pdf
from servicefit.services.content import packaged_content
from servicefit.services.guides import guide_for_attempt
from servicefit.services.items import organisation_bank
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.scoring import default_rater
from servicefit.storage.unit_of_work import UnitOfWork

MAX_QUOTES = 6


def build_report(
    uow: UnitOfWork,
    *,
    organisation: str,
    attempt_id: int,
    audience: Audience,
    language: Language,
    today: date,
) -> ReportView:
    framework = packaged_content().framework
    guide = guide_for_attempt(uow, organisation=organisation, attempt_id=attempt_id, today=today)
    score = guide.score  # scored once, by the guide
    bank = organisation_bank(uow, organisation=organisation)
    with uow:
        owner = organisation_by_slug(uow, organisation)
        attempt = uow.attempts_of(owner).get(attempt_id)
        if attempt is None:
            raise NotFound(f"attempt in {organisation}", str(attempt_id))
        stored = uow.profiles_of(owner).version(attempt.profile_key, attempt.profile_version)
    name = {c.id: c.name.in_language(language) for c in framework.competencies}
    qualification_names = {
        info.type.value: info.name.in_language(language) for info in framework.qualification_types
    }
    fit = guide.fit
    rows = [
        ChartRow(name[r.competency_id], r.target, r.minimum, r.theta, r.se)
        for r in fit.requirements
    ]
    label = {key: texts[language] for key, texts in labels().items()}
    chart = profile_chart(
        rows, title=label["chart_title"], legend={"legend": label["chart_legend"]}
    )
    quotes = []
    rater = default_rater()
    for response in attempt.responses.values():
        item = bank.item(response.item.id)
        if not isinstance(item, WrittenItem) or not isinstance(response.answer, WrittenAnswer):
            continue
        if item.channel is None:
            continue
        rating = rater.rate(
            response.answer.text,
            customer_message=item.customer_message.in_language(attempt.language),
            channel=item.channel,
            language=attempt.language,
            rubric=item.rubric,
        )
        for dimension, found in rating.evidence.items():
            for entry in found:
                effect, _, rest = entry.partition(":")
                quotes.append(
                    {"dimension": dimension, "effect": effect[:1], "sentence": rest.strip()}
                )
    return ReportView(
        audience=audience,
        language=language,
        job=stored.profile.name if stored else attempt.profile_key,
        candidate=attempt.candidate,
        fit={
            "fit": f"{fit.fit:.0f}",
            "low": f"{fit.low:.0f}",
            "high": f"{fit.high:.0f}",
            "decision": label["decision_" + fit.decision.replace(" ", "_")],
        },
        chart_svg=chart,
        requirements=[
            {
                "name": name[r.competency_id],
                "level": r.level,
                "target": r.target,
                "p_met": "—" if r.p_target is None else f"{r.p_target:.2f}",
            }
            for r in fit.requirements
        ],
        strengths=[name[r.competency_id] for r in fit.requirements if r.status is Status.MET],
        risks=[
            name[r.competency_id]
            for r in fit.requirements
            if r.status in (Status.NOT_MET, Status.UNDECIDED)
        ],
        knockouts=[
            f"{name[r.competency_id]}: {label['below_minimum']} {r.minimum} (P = {r.p_minimum:.2f})"
            for r in fit.requirements
            if r.minimum is not None and r.p_minimum is not None and r.p_minimum <= 0.05
        ]
        + [
            f"{qualification_names[v.requirement.type.value]}: {label['qualification_not_met']}"
            for v in score.qualifications
            if v.knocks_out
        ],
        flags=[
            f"{label['flag_' + f.kind.value]} ({label['severity_' + f.severity.value]})"
            + (f": {f.detail}" if language == "en" else "")
            for f in score.flags
        ],
        evidence=quotes[:MAX_QUOTES],
        interview=[
            {
                "name": name[r.competency_id],
                "questions": [
                    {
                        "question": q.question.in_language(language),
                        "probes": [p.in_language(language) for p in q.probes],
                        "look_for": q.look_for.in_language(language),
                    }
                    for q in (g.questions[:3] if g else ())
                ],
                "anchors": [
                    a.anchor.in_language(language)
                    for a in framework.competency(r.competency_id).levels
                ],
            }
            for r, g in guide.focus
        ],
        plan=[
            {
                "name": name[a.competency_id],
                "behaviours": [b.in_language(language) for b in a.behaviours],
                "avoid": [b.in_language(language) for b in a.avoid],
                "practice": [b.in_language(language) for b in a.practice],
                "review_on": a.review_on.isoformat(),
            }
            for a in guide.plan
        ],
        provisional=fit.provisional,
    )


def report_bytes(view: ReportView, *, output_format: str) -> bytes:
    html = render_html(view)
    if output_format == "html":
        return html.encode("utf-8")
    return render_pdf(html)
