"""Recruiter pages for jobs: profiles from templates, editing with a live blueprint,
assessment preview, invitations and the pipeline, the ranked shortlist and its exports."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from servicefit.domain.accounts import Permission
from servicefit.domain.job_profiles import JobProfile, Requirement, check_profile
from servicefit.domain.language import LANGUAGES, Language
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.services.content import packaged_content
from servicefit.services.invitations import (
    NewCandidate,
    invite,
    pipeline,
    read_candidates_csv,
    resend,
)
from servicefit.services.items import assemble_for_profile
from servicefit.services.profiles import create_from_template, save_profile
from servicefit.services.results import ranked
from servicefit.services.taking import bank_of
from servicefit.storage.shortlist_files import shortlist_row, to_csv, to_xlsx
from servicefit.web.security import FormFields, Signed, audit, requiring, signed_in, verify_csrf
from servicefit.web.state import render, state_of, uow_of

router = APIRouter()
Viewer = Annotated[Signed, Depends(requiring(Permission.VIEW_RESULTS))]
Editor = Annotated[Signed, Depends(requiring(Permission.EDIT_JOBS))]
Inviter = Annotated[Signed, Depends(requiring(Permission.INVITE))]
CSRF = [Depends(verify_csrf)]


def _names() -> dict[str, str]:
    return {c.id: c.name.en for c in packaged_content().framework.competencies}


@router.get("/")
def dashboard(request: Request) -> Response:
    signed = signed_in(request)
    uow = uow_of(request)
    with uow:
        profiles = uow.profiles_of(signed.organisation).all_latest()
        invitations = uow.invitations_of(signed.organisation).all()
    by_job = {p.key: pipeline([i for i in invitations if i.profile_key == p.key]) for p in profiles}
    return render(
        request,
        "dashboard.html.j2",
        signed=signed,
        profiles=profiles,
        by_job=by_job,
        templates=packaged_content().templates,
        title="Jobs",
    )


@router.post("/jobs", dependencies=CSRF)
def create_job(
    request: Request,
    signed: Editor,
    template_id: Annotated[str, Form()],
    name: Annotated[str, Form()],
) -> Response:
    if not name.strip():
        raise InvalidInput([InvalidInputProblem("new job form", "name", "give the job a name")])
    stored = create_from_template(
        uow_of(request),
        packaged_content(),
        organisation=signed.organisation.slug,
        template_id=template_id,
        name=name.strip(),
    )
    audit(request, signed, "created job", f"profile:{stored.key}", f"from {template_id}")
    return RedirectResponse(f"/jobs/{stored.key}/profile?notice=created", status_code=303)


def _profile(request: Request, signed: Signed, key: str) -> tuple[int, JobProfile]:
    uow = uow_of(request)
    with uow:
        stored = uow.profiles_of(signed.organisation).latest(key)
    if stored is None:
        raise NotFound("job", key)
    return stored.version, stored.profile


@router.get("/jobs/{key}")
def job(
    request: Request,
    key: str,
    *,
    signed: Viewer,
    band: str = "",
    language: str = "",
    hide_knocked_out: bool = False,
    min_fit: float = 0.0,
    notice: str = "",
) -> Response:
    version, profile = _profile(request, signed, key)
    uow = uow_of(request)
    with uow:
        entries = ranked(uow, signed.organisation, key)
        invitations = uow.invitations_of(signed.organisation).all(key)
    shown = [
        e
        for e in entries
        if (not band or e.fit.band == band)
        and (not language or e.language == language)
        and not (hide_knocked_out and e.fit.knocked_out)
        and e.fit.fit >= min_fit
    ]
    return render(
        request,
        "job.html.j2",
        signed=signed,
        key=key,
        version=version,
        profile=profile,
        entries=shown,
        total=len(entries),
        counts=pipeline(invitations),
        filters={"band": band, "language": language, "hide": hide_knocked_out, "min": min_fit},
        notice=notice,
        title=profile.name,
    )


@router.get("/jobs/{key}/shortlist.{extension}")
def export_shortlist(request: Request, key: str, extension: str, signed: Viewer) -> Response:
    if extension not in ("csv", "xlsx"):
        raise HTTPException(404, "export as .csv or .xlsx")
    _profile(request, signed, key)
    uow = uow_of(request)
    with uow:
        entries = ranked(uow, signed.organisation, key)
    rows = [shortlist_row(e.rank, e.attempt_id, e.candidate, e.simulated, e.fit) for e in entries]
    audit(request, signed, "exported shortlist", f"profile:{key}", extension)
    if extension == "csv":
        body, media = to_csv(rows).encode(), "text/csv; charset=utf-8"
    else:
        body = to_xlsx(rows)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    headers = {"Content-Disposition": f'attachment; filename="shortlist-{key}.{extension}"'}
    return Response(body, media_type=media, headers=headers)


def _edited(profile: JobProfile, form: dict[str, str]) -> tuple[JobProfile, list[str]]:
    """The profile with the form's weights, targets, minimums and minutes; problems found."""
    problems: list[str] = []
    requirements = []
    for r in profile.requirements:
        try:
            weight = float(form.get(f"weight_{r.competency_id}", r.weight))
            target = int(form.get(f"target_{r.competency_id}", r.target))
            raw_minimum = form.get(
                f"minimum_{r.competency_id}", "" if r.minimum is None else str(r.minimum)
            )
            minimum = int(raw_minimum) if raw_minimum.strip() else None
        except ValueError:
            problems.append(f"{r.competency_id}: weight, target and minimum must be numbers")
            requirements.append(r)
            continue
        requirements.append(Requirement(r.competency_id, weight, target, minimum, r.rationale))
    try:
        minutes = int(form.get("minutes", profile.time_budget_minutes))
    except ValueError:
        problems.append("minutes: must be a whole number")
        minutes = profile.time_budget_minutes
    edited = replace(profile, requirements=tuple(requirements), time_budget_minutes=minutes)
    framework = packaged_content().framework
    problems += [
        f"{'.'.join(str(part) for part in p.path)}: {p.message}"
        for p in check_profile(edited, framework)
    ]
    return edited, problems


def _blueprint_context(request: Request, signed: Signed, profile: JobProfile) -> dict[str, Any]:
    bank = bank_of(uow_of(request), signed.organisation.slug)
    form = assemble_for_profile(
        profile, bank, minutes=profile.time_budget_minutes, language="en", seed=1
    )
    return {"form": form, "names": _names()}


@router.get("/jobs/{key}/profile")
def profile_page(request: Request, key: str, signed: Viewer, notice: str = "") -> Response:
    version, profile = _profile(request, signed, key)
    edited, problems = _edited(profile, dict(request.query_params))
    context = _blueprint_context(request, signed, edited) if not problems else {}
    return render(
        request,
        "profile.html.j2",
        signed=signed,
        key=key,
        version=version,
        profile=edited,
        problems=problems,
        changed=edited != profile,
        notice="Job created from the template." if notice == "created" else "",
        title=f"{profile.name}: profile",
        **context,
    )


@router.get("/jobs/{key}/blueprint")
def blueprint_fragment(request: Request, key: str, signed: Viewer) -> Response:
    """The blueprint for the weights and targets in the query (the editor's live preview)."""
    _version, profile = _profile(request, signed, key)
    edited, problems = _edited(profile, dict(request.query_params))
    context = _blueprint_context(request, signed, edited) if not problems else {}
    return render(request, "blueprint.html.j2", problems=problems, **context)


@router.post("/jobs/{key}/profile", dependencies=CSRF)
def save_job_profile(request: Request, key: str, signed: Editor, form: FormFields) -> Response:
    _version, profile = _profile(request, signed, key)
    edited, problems = _edited(profile, form)
    if problems:
        raise InvalidInput(
            [InvalidInputProblem("profile form", "requirements", p) for p in problems]
        )
    stored = save_profile(
        uow_of(request),
        packaged_content(),
        organisation=signed.organisation.slug,
        key=key,
        profile=edited,
    )
    audit(request, signed, "edited job", f"profile:{key}", f"version {stored.version}")
    return RedirectResponse(f"/jobs/{key}/profile", status_code=303)


@router.get("/jobs/{key}/preview")
def preview(request: Request, key: str, signed: Viewer, language: str = "en") -> Response:
    """The assessment as a candidate would see it (one sample form, nothing recorded)."""
    if language not in LANGUAGES:
        raise HTTPException(404, "choose en, es or pl")
    chosen: Language = language
    _version, profile = _profile(request, signed, key)
    bank = bank_of(uow_of(request), signed.organisation.slug)
    form = assemble_for_profile(
        profile, bank, minutes=profile.time_budget_minutes, language=chosen, seed=1
    )
    sections = [(s, [bank.item(ref.id) for ref in s.items]) for s in form.sections]
    return render(
        request,
        "preview.html.j2",
        signed=signed,
        key=key,
        profile=profile,
        form=form,
        sections=sections,
        bank=bank,
        language=chosen,
        title=f"{profile.name}: preview",
    )


@router.get("/jobs/{key}/invitations")
def invitations_page(request: Request, key: str, signed: Viewer, notice: str = "") -> Response:
    _version, profile = _profile(request, signed, key)
    uow = uow_of(request)
    with uow:
        invitations = uow.invitations_of(signed.organisation).all(key)
    now = datetime.now(UTC)
    return render(
        request,
        "invitations.html.j2",
        signed=signed,
        key=key,
        profile=profile,
        invitations=invitations,
        now=now,
        counts=pipeline(invitations, now),
        sent=request.session.pop("sent_links", []),
        notice=notice,
        title=f"{profile.name}: invitations",
    )


def _remember(request: Request, sent: list[tuple[str, str, bool, str]]) -> None:
    """Links to show once on the next page (never stored: only their hashes are)."""
    request.session["sent_links"] = [list(s) for s in sent]


@router.post("/jobs/{key}/invitations", dependencies=CSRF)
def invite_one(
    request: Request,
    key: str,
    *,
    signed: Inviter,
    name: Annotated[str, Form()],
    email: Annotated[str, Form()],
    minutes: Annotated[str, Form()] = "",
) -> Response:
    sent = invite(
        uow_of(request),
        state_of(request).settings,
        signed.organisation,
        profile_key=key,
        candidates=[NewCandidate(name, email)],
        actor=signed.actor,
        minutes=int(minutes) if minutes.strip().isdigit() else None,
    )
    _remember(request, [(s.invitation.candidate, s.link, s.emailed, s.mail_error) for s in sent])
    return RedirectResponse(f"/jobs/{key}/invitations", status_code=303)


@router.post("/jobs/{key}/invitations/csv", dependencies=CSRF)
def invite_csv(
    request: Request, key: str, signed: Inviter, file: Annotated[UploadFile, File()]
) -> Response:
    raw = file.file.read()
    source = file.filename or "uploaded file"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput([InvalidInputProblem(source, "file", "is not UTF-8 text")]) from None
    candidates = read_candidates_csv(text, source)
    sent = invite(
        uow_of(request),
        state_of(request).settings,
        signed.organisation,
        profile_key=key,
        candidates=candidates,
        actor=signed.actor,
        source=source,
    )
    _remember(request, [(s.invitation.candidate, s.link, s.emailed, s.mail_error) for s in sent])
    return RedirectResponse(f"/jobs/{key}/invitations", status_code=303)


@router.post("/invitations/{invitation_id}/resend", dependencies=CSRF)
def resend_link(request: Request, invitation_id: int, signed: Inviter) -> Response:
    sent = resend(
        uow_of(request),
        state_of(request).settings,
        signed.organisation,
        invitation_id,
        actor=signed.actor,
    )
    _remember(request, [(sent.invitation.candidate, sent.link, sent.emailed, sent.mail_error)])
    return RedirectResponse(f"/jobs/{sent.invitation.profile_key}/invitations", status_code=303)
