"""The JSON API under /api/v1 (per-organisation bearer tokens)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from servicefit.domain.invitations import Invitation, Stage
from servicefit.domain.job_profiles import ProfileVersion
from servicefit.domain.language import Language
from servicefit.domain.organisations import Organisation
from servicefit.services.accounts import organisation_for_token
from servicefit.services.invitations import NewCandidate, invite
from servicefit.services.items import assemble_for_profile
from servicefit.services.results import result_document, stored_fit
from servicefit.services.taking import bank_of
from servicefit.services.webhooks import add_webhook
from servicefit.storage.unit_of_work import SqlUnitOfWork
from servicefit.web.state import state_of, uow_of

router = APIRouter(prefix="/api/v1", tags=["api"])

UNAUTHORISED = {"WWW-Authenticate": 'Bearer realm="servicefit"'}


@dataclass(frozen=True)
class Caller:
    """Who is calling: the token's name and its organisation."""

    token_name: str
    organisation: Organisation

    @property
    def actor(self) -> str:
        return f"api:{self.token_name}"


def caller(request: Request) -> Caller:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "send an API token: Authorization: Bearer <token>", UNAUTHORISED)
    found = organisation_for_token(uow_of(request), token.strip())
    if found is None:
        raise HTTPException(401, "the API token is not valid or has been revoked", UNAUTHORISED)
    return Caller(found[0], found[1])


CallerDep = Annotated[Caller, Depends(caller)]


# --- models ------------------------------------------------------------------


class RequirementOut(BaseModel):
    competency: str
    weight: float
    target: int
    minimum: int | None


class ProfileOut(BaseModel):
    key: str
    name: str
    version: int
    minutes: int
    requirements: list[RequirementOut]


class SectionOut(BaseModel):
    instrument: str
    items: int


class BlueprintLineOut(BaseModel):
    competency: str
    relative_weight: float
    items: int
    expected_standard_error: float


class AssessmentOut(BaseModel):
    profile: str
    language: str
    minutes: int
    items: int
    sections: list[SectionOut]
    blueprint: list[BlueprintLineOut]
    provisional: bool = True
    note: str


class InvitationIn(BaseModel):
    profile: str = Field(min_length=1)
    name: str = Field(min_length=1)
    email: str = Field(min_length=1)
    minutes: int | None = None


class InvitationCreated(BaseModel):
    id: int
    status: str
    url: str
    expires_at: datetime


class InvitationOut(BaseModel):
    id: int
    profile: str
    name: str
    email: str
    status: str
    expires_at: datetime
    attempt_id: int | None


class SubResultOut(BaseModel):
    competency: str
    weight: float
    score: float | None
    max_score: int
    target: int
    p_target: float | None
    status: str
    percentile: float | None


class ResultOut(BaseModel):
    invitation_id: int
    attempt_id: int
    status: str
    score: float
    max_score: int
    interval: list[float]
    band: str
    knocked_out: bool
    knockout_reasons: list[str]
    needs_interview_evidence: bool
    provisional: bool
    result_url: str
    sub_results: list[SubResultOut]
    flags: list[str]


class WebhookIn(BaseModel):
    url: str = Field(min_length=1)


class WebhookOut(BaseModel):
    id: int
    url: str
    active: bool


class WebhookCreated(BaseModel):
    id: int
    url: str
    secret: str


# --- helpers -----------------------------------------------------------------


def _profile_out(stored: ProfileVersion) -> ProfileOut:
    profile = stored.profile
    return ProfileOut(
        key=stored.key,
        name=profile.name,
        version=stored.version,
        minutes=profile.time_budget_minutes,
        requirements=[
            RequirementOut(
                competency=r.competency_id, weight=r.weight, target=r.target, minimum=r.minimum
            )
            for r in profile.requirements
        ],
    )


def _invitation_out(invitation: Invitation, now: datetime) -> InvitationOut:
    return InvitationOut(
        id=invitation.id,
        profile=invitation.profile_key,
        name=invitation.candidate_name,
        email=invitation.candidate_email,
        status=invitation.stage(now).value,
        expires_at=invitation.expires_at,
        attempt_id=invitation.attempt_id,
    )


def _invitation(uow: SqlUnitOfWork, organisation: Organisation, invitation_id: int) -> Invitation:
    found = uow.invitations_of(organisation).get(invitation_id)
    if found is None:
        raise HTTPException(404, f"no invitation {invitation_id}")
    return found


def _latest(uow: SqlUnitOfWork, organisation: Organisation, key: str) -> ProfileVersion:
    found = uow.profiles_of(organisation).latest(key)
    if found is None:
        raise HTTPException(404, f"no job profile {key!r}")
    return found


# --- endpoints ---------------------------------------------------------------


@router.get("/profiles", response_model=list[ProfileOut])
def list_profiles(request: Request, who: CallerDep) -> list[ProfileOut]:
    uow = uow_of(request)
    with uow:
        stored = uow.profiles_of(who.organisation).all_latest()
    return [_profile_out(p) for p in stored]


@router.get("/profiles/{key}", response_model=ProfileOut)
def get_profile(key: str, request: Request, who: CallerDep) -> ProfileOut:
    uow = uow_of(request)
    with uow:
        stored = _latest(uow, who.organisation, key)
    return _profile_out(stored)


@router.get("/profiles/{key}/assessment", response_model=AssessmentOut)
def profile_assessment(
    key: str, request: Request, who: CallerDep, language: Language = "en"
) -> AssessmentOut:
    """The blueprint of a sample form for the job (seed 1): what a candidate would take."""
    uow = uow_of(request)
    with uow:
        stored = _latest(uow, who.organisation, key)
    profile = stored.profile
    bank = bank_of(uow, who.organisation.slug)
    form = assemble_for_profile(
        profile, bank, minutes=profile.time_budget_minutes, language=language, seed=1
    )
    return AssessmentOut(
        profile=stored.key,
        language=language,
        minutes=profile.time_budget_minutes,
        items=len(form.item_refs),
        sections=[
            SectionOut(instrument=s.instrument.value, items=len(s.items)) for s in form.sections
        ],
        blueprint=[
            BlueprintLineOut(
                competency=line.competency_id,
                relative_weight=round(line.relative_weight, 4),
                items=line.items,
                expected_standard_error=round(line.expected_standard_error, 4),
            )
            for line in form.blueprint
        ],
        provisional=True,
        note="Expected standard errors are planned from prior item parameters: provisional.",
    )


@router.post("/invitations", status_code=201, response_model=InvitationCreated)
def create_invitation(body: InvitationIn, request: Request, who: CallerDep) -> InvitationCreated:
    settings = state_of(request).settings
    sent = invite(
        uow_of(request),
        settings,
        who.organisation,
        profile_key=body.profile,
        candidates=[NewCandidate(body.name, body.email)],
        actor=who.actor,
        minutes=body.minutes,
        source="API request",
    )[0]
    return InvitationCreated(
        id=sent.invitation.id,
        status=sent.invitation.stage(datetime.now(UTC)).value,
        url=sent.link,
        expires_at=sent.invitation.expires_at,
    )


@router.get("/invitations", response_model=list[InvitationOut])
def list_invitations(
    request: Request,
    who: CallerDep,
    profile: Annotated[str | None, Query(description="only this job profile's key")] = None,
) -> list[InvitationOut]:
    uow = uow_of(request)
    now = datetime.now(UTC)
    with uow:
        found = uow.invitations_of(who.organisation).all(profile)
    return [_invitation_out(i, now) for i in found]


@router.get("/invitations/{invitation_id}", response_model=InvitationOut)
def get_invitation(invitation_id: int, request: Request, who: CallerDep) -> InvitationOut:
    uow = uow_of(request)
    with uow:
        found = _invitation(uow, who.organisation, invitation_id)
    return _invitation_out(found, datetime.now(UTC))


@router.get(
    "/results/{invitation_id}",
    response_model=ResultOut,
    responses={409: {"description": "the assessment is not completed (yet)"}},
)
def get_result(invitation_id: int, request: Request, who: CallerDep) -> ResultOut:
    settings = state_of(request).settings
    organisation = who.organisation
    uow = uow_of(request)
    with uow:
        invitation = _invitation(uow, organisation, invitation_id)
        status = invitation.stage(datetime.now(UTC))
        if status is not Stage.COMPLETED or invitation.attempt_id is None:
            raise HTTPException(409, f"the assessment is not completed: it is {status.value}")
        attempt_id = invitation.attempt_id
        stored = _latest(uow, organisation, invitation.profile_key)
        found = stored_fit(uow, organisation, attempt_id, stored.profile)
        if found is None:
            raise HTTPException(409, "the assessment is completed but not scored yet")
        url = settings.base_url.rstrip("/") + f"/candidates/{attempt_id}"
        document: dict[str, Any] = result_document(found[0], found[1], result_url=url)
        uow.audit_of(organisation).record(
            actor=who.actor, action="api read result", subject=f"attempt:{attempt_id}"
        )
        uow.commit()
    return ResultOut(
        invitation_id=invitation.id, attempt_id=attempt_id, status=status.value, **document
    )


@router.post("/webhooks", status_code=201, response_model=WebhookCreated)
def create_webhook(body: WebhookIn, request: Request, who: CallerDep) -> WebhookCreated:
    """Register a URL for `assessment.completed` events; the secret is shown only once."""
    hook = add_webhook(uow_of(request), who.organisation, body.url)
    return WebhookCreated(id=hook.id, url=hook.url, secret=hook.secret)


@router.get("/webhooks", response_model=list[WebhookOut])
def list_webhooks(request: Request, who: CallerDep) -> list[WebhookOut]:
    uow = uow_of(request)
    with uow:
        hooks = uow.webhooks_of(who.organisation).all()
    return [WebhookOut(id=h.id, url=h.url, active=h.active) for h in hooks]
