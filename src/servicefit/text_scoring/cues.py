"""Cue lexicons: phrases that show (or undermine) a behaviour, per language.

Written for servicefit from customer-service practice (and the politeness
strategies of Brown & Levinson, 1987, as operationalised by
Danescu-Niculescu-Mizil et al., 2013); no weights are learned from the
evaluation data. Each cue kind maps to a behavioural indicator name that the
caller can map onto its own framework.
"""

from __future__ import annotations

import re
from functools import cache

Lexicon = dict[str, tuple[str, ...]]

EN: Lexicon = {
    "apology": (
        r"\b(i'?m|i am|we'?re|we are) (so |very |really |truly |terribly )?sorry\b",
        r"\bapologi[sz]e",
        r"\bmy apologies\b",
        r"^\s*sorry\b",
        r"\bsorry (for|about|that)\b",
    ),
    "feelings": (
        r"\b(i|we) (completely |totally |fully |really )?understand\b",
        r"\b(i|we) can (only )?imagine\b",
        r"\bsorry to hear\b",
        r"\bi hear you\b",
        r"\b(must|sounds?|would) (be |have been )?(so |really |very |incredibly )?(frustrating|stressful|"
        r"worrying|difficult|hard|upsetting|awful|annoying|disappointing|terrible|scary|painful|"
        r"overwhelming|exhausting|heartbreaking|tough|rough)",
        r"\bhow (frustrating|stressful|upsetting|worrying|difficult|hard|awful|scary)\b",
        r"\bunderstandabl[ey]\b",
        r"\bi feel (for|your|so)\b",
        r"\b(hugs|hug)\b",
        r"\b(that|this) (is|was) (so |really )?(awful|terrible|heartbreaking|horrible|sad)\b",
        r"\bso sad\b",
        r"\bi'?m (so |really )?(glad|happy|sad|worried|concerned)\b",
        r"\b(stay strong|you'?re not alone|take care of yourself|sending (love|hugs|you))\b",
        r"\b(i|we) care\b",
        r"\bmy heart\b",
        r"\bpoor (you|thing)\b",
    ),
    "warmth": (
        r"\b(i hope|hope (you|it|things|that)|good luck|best of luck|you deserve|stay strong|you(('ve)| have)? got this|"
        r"hang in there|proud of you|congrat\w*|take care|i wish you|wish you (the best|well|luck)|"
        r"you('re| are) not alone|it('s| is) (okay|ok|alright|normal)|you('ll| will) (be (ok|okay|fine|alright)|get through)|"
        r"don'?t give up|sending (you )?(love|hugs|strength)|that sucks|so happy for you|glad (you|to hear))\b",
        r"<3",
        r"\bhugs?\b",
        r"[:;]-?\)",
        # encouragement and offers of support
        r"\b(you can do (this|it)|it (gets|will get) better|things will get better|hang (in|on)|"
        r"you('ll| will) get (through|past|passed)|all the best|(will )?pray(ing)? for you|"
        r"(we'?re|i'?m|we are|i am) (here|always here) (for you|to help|if you need)|"
        r"(pm|message|dm) me|(want|like) to talk|let'?s talk|care to share|please don'?t worry|"
        r"don'?t worry|you don'?t deserve|you('re| are) (golden|worth it|loved|not a burden)|"
        r"(people|we|i) care about you|that'?s (great|awesome|amazing|wonderful)|"
        r"(one of )?the (shittiest|worst) feelings?|feel better|get well)\b",
    ),
    "interpretation": (
        r"\b(it|that) (sounds|seems|feels) like\b",
        r"\b(sounds|seems) like you\b",
        r"\bi (understand|know|get|see) (how|what|that|why|where)\b",
        r"\bi'?ve (been|gone) (there|through)\b",
        r"\bi (had|have had|went through|experienced) (the same|"
        r"a similar|something similar|this)\b",
        r"\bif i understand (you )?(correctly|right)\b",
        r"\byou (must|might|may) (feel|be feeling|have felt)\b",
        r"\bi can (see|tell) (that|how|why)\b",
        r"\bi feel the same\b",
        r"\bsame (here|with me)\b",
        r"\bme too\b",
        r"\bi know the feeling\b",
        r"\bi relate\b",
        r"\bi was (in|at) (the same|a similar)\b",
        r"\bso what you'?re saying\b",
    ),
    "self_disclosure": (
        r"\b(i|i'?ve|i'?m|i was|i had|i used to|i went|i felt|i feel|me too|mine|for me|my (own )?(experience|life|case))\b",
    ),
    "dismissive": (
        r"\bcalm down\b",
        r"\bno need to (get|be) (upset|angry|rude)\b",
        r"\bas i (already |have already )?(said|told you|explained|mentioned)\b",
        r"\bnot (my|our) problem\b",
        r"\bdeal with it\b",
        r"\bget over it\b",
    ),
    "deference": (
        r"^\s*(great|good|nice|interesting|cool|excellent|awesome|wow)\b",
        r"\bby the way\b",
        r"\bbtw\b",
    ),
    "unresolved": (
        r"\b(unfortunately|i'?m afraid|there (are|is) no|no (results|matches|availability|trains?|rooms?)|(not|isn'?t|aren'?t) available|(can'?t|cannot|couldn'?t) (find|book|locate)|unable to|unsuccessful|fully booked|did not (work|go through)|no (such|other))\b",
        # the request failed or came to nothing
        r"\b((i|we) (do not|don'?t|did not|didn'?t) (have|see|find) any|nothing (matches|is available|was found)|"
        r"there('?s| is) nothing|(was|were) (not|n'?t) able to|(could not|couldn'?t|cannot|can'?t) "
        r"(get|reserve|process|complete|confirm|access|locate)|no longer (available|possible)|"
        r"sold out|out of stock|(failed|was declined|was rejected|didn'?t go through))\b",
    ),
    "alternative": (
        r"\b(how about|instead|alternatively|as an alternative|another (option|day|date|time|area|one)|"
        r"other (options?|dates?|days?|times?)|a different (option|day|date|time|area|one)|"
        r"would you like to try|i can (suggest|offer|recommend))\b",
    ),
    "resolved": (
        r"\b(booked|reserved|confirmed|all set|sorted|resolved|fixed|reference (number|code|is)|confirmation (number|code)|successfully|done)\b",
    ),
    "please": (r"\bplease\b", r"\bkindly\b"),
    "gratitude": (
        r"\bthank(s| you)\b",
        r"\b(i|we) (really |truly |greatly )?appreciate\b",
        r"\bgrateful\b",
        r"\bthx\b",
    ),
    "greeting": (r"^\s*(hi|hello|dear|good (morning|afternoon|evening)|hey|greetings)\b",),
    "hedge": (
        r"\b(could|would|might|can) you\b",
        r"\bwould you mind\b",
        r"\bif (possible|you could|you don'?t mind|"
        r"you have (a moment|time))\b",
        r"\b(perhaps|maybe|possibly)\b",
        r"\bi (think|believe|suppose|wonder|guess)\b",
        r"\bi'?m not sure\b",
        r"\bi was wondering\b",
        r"\bwhen you (get|have) a (chance|moment)\b",
    ),
    "blame": (
        r"\byour (own )?fault\b",
        r"\byou (should|shouldn'?t) have\b",
        r"\byou (failed|forgot|neglected|didn'?t bother) to\b",
        r"\bif you had (read|followed|checked|listened)\b",
        r"\byou clearly\b",
        r"\byou obviously\b",
    ),
    "sarcasm": (
        r"\bwith all due respect\b",
        r"\bgood luck with that\b",
        r"\bthanks for nothing\b",
        r"\bnice try\b",
        r"\bread the (manual|faq|instructions)\b",
        r"\bseriously\?",
        r"\b(yeah|sure),? right\b",
        r"\bno offen[cs]e\b",
    ),
    "rude": (
        r"\b(stupid|idiot\w*|dumb|ridiculous|nonsense|shut up|crap|damn|wtf|pathetic|useless|"
        r"moron\w*|absurd|lame|sucks?|hell|bullshit|fuck\w*|ass|jerk)\b",
    ),
    "direct_question": (
        r"^\s*(why (did|do|would|are|is|didn'?t|don'?t|haven'?t)|what (is|was) (your|the) "
        r"problem|who (do|did) you)\b",
        r"^\s*(what|why|how)\b",
        r"^\s*hello\?",
    ),
    # positive and negative lexicon (a strategy in Danescu-Niculescu-Mizil et al., 2013)
    "positive_words": (
        r"\b(great|good|nice|helpful|excellent|wonderful|glad|happy|appreciated?|kind|welcome|"
        r"pleasure|perfect|fantastic|lovely|useful|interesting|agree|fair|correct|right|"
        r"better|best|well done|love|enjoy\w*|help(ed|ing)?|hope|thoughtful|valuable)\b",
    ),
    "negative_words": (
        r"\b(wrong|bad|problem|mistake|error|fail\w*|false|disagree|unfortunately|terrible|"
        r"awful|hate|annoy\w*|waste|nonsense|stop|never|unacceptable|"
        r"rude|complain\w*|confus\w*|unclear|poor|useless|ignore\w*)\b",
    ),
    # from Danescu-Niculescu-Mizil et al. (2013): strategies that read as less polite
    # a closed question, and a reply that opens with its answer
    "yes_no_question": (
        r"^\s*(is|are|was|were|do|does|did|can|could|will|would|has|have|should|may|shall)\b",
    ),
    "yes_no_start": (
        r"^\s*(yes|no|yeah|yep|nope|sure|certainly|of course|absolutely|unfortunately not|"
        r"i'?m afraid not|not at all)\b",
    ),
    "please_start": (r"^\s*please\b",),
    # "You're welcome" answers thanks: a courtesy, not a second-person imposition
    "second_person_start": (
        r"^\s*you\b(?!'?re (very |most )?welcome| are (very |most )?welcome| (can|may|could) (?!not\b))",
    ),
    # positive politeness: showing willingness to help (Brown & Levinson, 1987)
    "willing": (
        r"\b(certainly|of course|absolutely|gladly|with pleasure)\b",
        r"\b(i'?d|i would|we'?d|we would) be (happy|glad|delighted) to\b",
        r"\b(i'?m|i am|we'?re|we are) (happy|glad|pleased|delighted) to (help|assist|do)\b",
    ),
    "willing_start": (r"^\s*(sure|no problem)\b",),
    "welcome": (
        r"\b(you'?re|you are) (very |most )?welcome\b",
        r"\b(it was |it'?s )?(my|a) pleasure\b",
        r"\b(happy|glad) (i could |to )(help|assist)\b",
    ),
    "direct_start": (r"^\s*(so|then|and|but)\b",),
    "factuality": (r"\b(actually|in fact|the fact (is|that))\b",),
    "command": (
        r"^\s*(read|stop|listen|look|don'?t|go|fix|explain|answer|tell me|give me|do not)\b",
    ),
    "commitment": (
        # a promise, not "I'll need your ..." (asking the customer for something)
        r"\b(i|we)('ll| will| shall| am going to| are going to) (?!need\b|have to\b|require\b)",
        # work done ("I have booked"), not possession ("I have two rooms", "we have no ...")
        r"\b(i|we)( have|'ve) (already |just |now )?(\w+ed|made|found|sent|got|done|put|set|taken|"
        r"given|written|spoken|told|paid)\b",
        r"\blet me (?!know\b)",
        r"\b(i|we) can (offer|arrange|send|refund|replace|book)\b",
        r"\b(i|we)'?ve (already )?(arranged|booked|issued|processed|refunded|sent|escalated|raised|"
        r"logged|credited|cancell?ed|updated|asked|contacted|checked|requested|reported)\b",
    ),
    "solution": (
        r"\b(refund|replacement|replace|credit|compensation|voucher|resend|re-send|reschedul\w*|rebook\w*|"
        r"repair|engineer|technician|courier|discount|waive|cancel\w*|exchange|reimburse\w*|reset|"
        r"new (card|password|link|order|delivery))\b",
    ),
    "next_step": (
        r"\b(today|tomorrow|tonight|this (afternoon|evening|week)|next week|within \d+|in the next \d+|"
        r"by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of)|"
        r"\d+ ?(hours?|days?|working days|business days|minutes))\b",
        # sequence markers ("First, I'll ...", "... and then"), not "the next train", "the first one"
        r"(?:^|(?<=[.!?;:,] )|(?<=\band ))(first|next|then|after that)\b",
        r"\bonce\b",
    ),
    "follow_up": (
        r"\b(call|ring|phone|email|e-mail|contact|text) you (back|again|tomorrow|today|once|when|as soon)\b",
        r"\bget back to you\b",
        r"\bfollow(ing)? up\b",
        r"\bcheck back\b",
        r"\bkeep you (updated|informed|posted)\b",
        r"\blet you know\b",
        r"\b(update|confirm to) you\b",
    ),
    "deflection": (
        r"\byou('ll| will)? (need|have|must|should|ought) to\b",
        r"\byou must\b",
        r"\bcontact (the|your|our) (\w+ )?(department|team|company|bank|courier|provider|manufacturer)\b",
        r"\b(it'?s|it is|that'?s|that is) not (our|my) (responsibility|fault|problem|job)\b",
        r"\bthere('?s| is) nothing (i|we) can do\b",
        r"\b(i|we) (can'?t|cannot|are unable to) help\b",
        r"\bnot (possible|allowed)\b",
    ),
    "jargon": (
        r"\b(sla|backend|back-end|provisioning|as per|pursuant|aforementioned|hereby|herewith|"
        r"kindly revert|revert back|do the needful|asap|fyi|tbc|l[123] (team|support)|tier [123]|"
        r"ticket (id|no\.?)|case ref|ref\.? no)\b",
    ),
    "generic_salutation": (r"\bdear (valued )?(customer|client|sir|madam|sir or madam|user)\b",),
    "closing": (
        r"\b(kind|best|warm|warmest)? ?regards\b",
        r"\bsincerely\b",
        r"\ball the best\b",
        r"\bbest wishes\b",
        r"\bmany thanks\b",
        r"\btake care\b",
        r"\bhave a (nice|good|great) \w+\b",
    ),
    "emotion_in_message": (
        r"\b(angry|furious|upset|frustrat\w*|disappoint\w*|unacceptable|ridiculous|worried|stress\w*|"
        r"terrible|awful|disgust\w*|fed up|sick of|annoy\w*|outrage\w*|complain\w*|still (not|no|waiting)|"
        r"never again|worst|scared|afraid|desperate|urgent\w*)\b",
        r"!!",
        r"\?\?",
    ),
}

ES: Lexicon = {
    "apology": (
        r"\blo (siento|sentimos)\b",
        r"\b(le |les |te )?(pido|pedimos) disculpas\b",
        r"\bdisculp(e|as|en|a)\b",
        r"\blamento\b",
        r"\blamentamos\b",
        r"\bperd[oó]n(e|eme|ame)?\b",
    ),
    "feelings": (
        r"\b(entiendo|entendemos|comprendo|comprendemos)\b",
        r"\bme (lo )?imagino\b",
        r"\b(qu[eé]|muy|tan|lo) (frustrante|molesto|preocupante|dif[ií]cil|duro|angustiante|estresante)\b",
        r"\b(su|tu) (malestar|preocupaci[oó]n|frustraci[oó]n|enfado|indignaci[oó]n)\b",
        r"\b(siento|sentimos) (mucho )?(que|lo)\b",
        r"\bcon raz[oó]n\b",
        r"\bes normal que\b",
    ),
    "warmth": (
        r"\b(espero que|mucho [áa]nimo|[áa]nimo|suerte|cu[ií]dese|cu[ií]date|no est[aá]s? sol[oa]|todo (va a )?ir[aá] bien)\b",
    ),
    "interpretation": (
        r"\b(parece|suena) que\b",
        r"\bsi (le |te )?(entiendo|he entendido) bien\b",
        r"\bs[eé] (c[oó]mo|lo que) se siente\b",
        r"\b(he|hemos) pasado por\b",
    ),
    "self_disclosure": (
        r"\b(yo tambi[eé]n|a m[ií] (tambi[eé]n|me)|me pas[oó]|en mi caso|mi experiencia)\b",
    ),
    "deference": (r"^\s*(genial|estupendo|perfecto|excelente)\b",),
    "unresolved": (
        r"\b(lamentablemente|desafortunadamente|no (hay|tenemos|est[aá] disponible|es posible)|"
        r"no (pude|puedo|podemos) (encontrar|reservar))\b",
        r"\b(no (he|hemos) podido|no se (ha )?podido|no (encuentro|encontramos|encontr[eé])|no (hay|queda) nada|"
        r"ya no (est[aá]|es) (disponible|posible)|sin (resultados|disponibilidad)|agotad[oa]s?|"
        r"(ha|fue) rechazad[oa]|(ha )?fallado)\b",
    ),
    "alternative": (
        r"\b(en su lugar|en cambio|como alternativa|alternativ\w*|otr[oa]s? (opci[oó]n|opciones|d[ií]as?|"
        r"fechas?|horas?|horarios?|zonas?)|(le |te )?(puedo|podemos) (ofrecer|sugerir|proponer|recomendar)|"
        r"qu[eé] (le|te) parece)\b",
    ),
    "resolved": (
        r"\b(reservad[oa]|confirmad[oa]|resuelt[oa]|solucionad[oa]|listo|hecho|n[uú]mero de referencia)\b",
    ),
    "dismissive": (
        r"\bc[aá]lmese\b",
        r"\btranquil[ií]cese\b",
        r"\bno es (mi|nuestro) problema\b",
        r"\bcomo ya (le |te )?(dije|he dicho|expliqu[eé]|indiqu[eé])\b",
    ),
    "positive_words": (
        r"\b(genial|bien|buen[oa]?|excelente|estupend[oa]|encantad[oa]|amable|perfect[oa]|"
        r"[uú]til|ayuda|agradable|feliz|contento|contenta|mejor|bienvenid[oa])\b",
    ),
    "negative_words": (
        r"\b(mal|malo|mala|error|problema|fallo|falso|terrible|horrible|odio|inaceptable|"
        r"in[uú]til|nunca|confus\w*|p[eé]sim[oa])\b",
    ),
    "yes_no_question": (
        r"^\s*¿\s*(?!(qu[eé]|c[oó]mo|cu[aá]nd\w*|cu[aá]nt\w*|d[oó]nde|ad[oó]nde|por qu[eé]|qui[eé]n\w*|cu[aá]l\w*)\b)",
    ),
    "yes_no_start": (
        r"^\s*¡?(s[ií]|no|claro|por supuesto|desde luego|efectivamente|lamentablemente no|"
        r"me temo que no)\b",
    ),
    "please": (r"\bpor favor\b", r"\bsi (es|fuera) tan amable\b", r"\ble ruego\b"),
    "willing": (
        r"\b(por supuesto|desde luego|claro que s[ií]|encantad[oa] de|con mucho gusto)\b",
        r"\b(ser[aá]|ser[ií]a) un placer\b",
    ),
    "willing_start": (r"^\s*(claro|sin problema)\b",),
    "welcome": (
        r"\bde nada\b",
        r"\bno hay de qu[eé]\b",
        r"\b(es|ha sido|fue) un placer\b",
        r"\bcon (mucho )?gusto\b",
        r"\b(encantad[oa]|feliz) de (ayudar|poder ayudar)",
    ),
    "gratitude": (r"\bgracias\b", r"\bagradec\w*", r"\bagradezco\b"),
    "greeting": (
        r"^\s*(hola|estimad[oa]s?|buen(os|as) (d[ií]as|tardes|noches)|querid[oa]s?|saludos)\b",
    ),
    "hedge": (
        r"\b(podr[ií]a|podr[ií]as|podr[ií]amos|ser[ií]a posible|le importar[ií]a|quisiera)\b",
        r"\bquiz[aá]s?\b",
        r"\bcreo que\b",
        r"\bsi es posible\b",
        r"\btal vez\b",
    ),
    "blame": (
        r"\b(es|fue) (su|tu) culpa\b",
        r"\b(usted )?deber[ií]a haber\b",
        r"\bsi (usted )?hubiera (le[ií]do|seguido|revisado)\b",
        r"\busted no (ley[oó]|revis[oó])\b",
    ),
    "sarcasm": (
        r"\bcon todo (el )?respeto\b",
        r"\bbuena suerte con eso\b",
        r"\bgracias por nada\b",
    ),
    "rude": (
        r"\b(est[uú]pid\w*|idiota\w*|tonter[ií]a\w*|rid[ií]cul\w*|in[uú]til\w*|c[aá]llese|absurd\w*|"
        r"vergonzos\w*)\b",
    ),
    "direct_question": (r"^\s*¿?\s*por qu[eé] (no )?(usted|ha|hizo|hicieron)\b",),
    "command": (r"^\s*(lea|pare|escuche|mire|no|haga|deje)\b",),
    "commitment": (
        r"\b(voy|vamos) a (?!necesitar\b|tener que\b)",
        r"\bme (encargo|ocupo)\b",
        r"\bnos (encargamos|ocupamos)\b",
        r"\b(le |te )?(enviar[ée]|llamar[ée]|revisar[ée]|comprobar[ée]|gestionar[ée]|tramitar[ée]|"
        r"reembolsar[ée]|confirmar[ée]|escribir[ée]|devolver[ée]|solucionar[ée]|cambiar[ée])\b",
        r"\b(he|hemos) (tramitado|gestionado|enviado|solicitado|reembolsado|revisado|comprobado|"
        r"cancelado|programado|abonado|escalado|registrado)\b",
    ),
    "solution": (
        r"\b(reembols\w*|sustituci\w*|reposici\w*|abono\w*|compensaci\w*|vale\w*|reenv\w*|"
        r"repar\w*|t[eé]cnic[oa]s?|descuento\w*|cancel\w*|devoluci\w*|cambio)\b",
    ),
    "next_step": (
        r"\b(hoy|ma[ñn]ana|esta (tarde|semana)|la (pr[oó]xima|semana que viene)|en (un plazo de |las "
        r"pr[oó]ximas )?\d+|antes del? (lunes|martes|mi[ée]rcoles|jueves|viernes)|\d+ ?(horas|d[ií]as))\b",
        # sequence markers, not "después de las 15:00" (a time)
        r"\b(primero|despu[eé]s(?! de\b)|luego|a continuaci[oó]n|en cuanto)\b",
    ),
    "follow_up": (
        r"\b(le|te) (llamar[ée]|escribir[ée]|avisar[ée]|contactar[ée]|informar[ée])\b",
        r"\b(le|te) mantendr[ée] informad[oa]\b",
        r"\bseguimiento\b",
        r"\bvolver[ée] a (llamar|escribir)",
    ),
    "deflection": (
        r"\b(usted )?(tiene|tendr[aá]|deber[aá]) que\b",
        r"\bdebe usted\b",
        r"\bcontacte con\b",
        r"\bno es (nuestra|mi) (responsabilidad|culpa)\b",
        r"\bno (podemos|puedo) hacer nada\b",
        r"\bno es posible\b",
    ),
    "jargon": (
        r"\b(sla|backend|provisionamiento|conforme a lo dispuesto|por la presente|dicho expediente|"
        r"n[º°] de incidencia)\b",
    ),
    "generic_salutation": (r"\b(estimad[oa] cliente|muy se[ñn]or m[ií]o|a quien corresponda)\b",),
    "closing": (
        r"\b(un )?(cordial|afectuoso)? ?saludo\b",
        r"\batentamente\b",
        r"\bsaludos\b",
        r"\bquedo a (su|tu) disposici[oó]n\b",
        r"\bque tenga un buen\b",
    ),
    "emotion_in_message": (
        r"\b(enfadad\w*|molest\w*|harto|harta|indignad\w*|inaceptable|vergüenza|preocupad\w*|"
        r"decepcionad\w*|fatal|horrible|nunca m[aá]s|todav[ií]a (no|sin)|urgente|desesperad\w*)\b",
        r"!!",
        r"\?\?",
    ),
}

PL: Lexicon = {
    "apology": (
        r"\bprzepraszam\w*",
        r"\bprzepraszamy\b",
        r"\bprzykro (mi|nam)\b",
        r"\bprosz[ęe] o wybaczenie\b",
        r"\bwybacz\w*",
    ),
    "feelings": (
        r"\brozumiem\w*",
        r"\brozumiemy\b",
        r"\bwyobra[żz]am sobie\b",
        r"\b(musi|musia[łl]o|mo[żz]e) by[ćc] (bardzo |naprawd[ęe] )?(frustruj[ąa]ce|stresuj[ąa]ce|"
        r"trudne|przykre|denerwuj[ąa]ce|m[ęe]cz[ąa]ce)\b",
        r"\b(jak|bardzo|to) (frustruj[ąa]ce|stresuj[ąa]ce|przykre|denerwuj[ąa]ce)\b",
        r"\b(pana|pani|pa[ńn]stwa) (niepok[óo]j|frustracj\w*|zdenerwowanie|rozczarowanie)\b",
        r"\bma pan(i)? (pe[łl]ne )?prawo\b",
    ),
    "interpretation": (
        r"\b(wygl[ąa]da|brzmi) na to\b",
        r"\bje[śs]li dobrze rozumiem\b",
        r"\bwiem,? jak to jest\b",
    ),
    "self_disclosure": (
        r"\b(ja te[żz]|mnie te[żz]|u mnie|mia[łl](em|am) (tak samo|podobnie)|z mojego do[śs]wiadczenia)\b",
    ),
    "deference": (r"^\s*(super|[śs]wietnie|doskonale)\b",),
    "unresolved": (
        r"\b(niestety|nie ma (wolnych|mo[żz]liwo[śs]ci)|nie uda[łl]o si[ęe]|brak (wolnych|dost[ęe]pnych))\b",
        r"\b(nie (mog[ęe]|mo[żz]emy) (znale[źz][ćc]|zarezerwowa[ćc]|potwierdzi[ćc]|zrealizowa[ćc])|"
        r"nie znalaz[łl](em|am|em ?[żz]adn\w*)|nic nie znalaz[łl]\w*|brak wynik[óo]w|wyprzedan\w*|"
        r"nie (jest|s[ąa]) ju[żz] dost[ęe]pn\w*|nie powiod[łl]\w* si[ęe]|zosta[łl]\w* odrzucon\w*)\b",
    ),
    "alternative": (
        r"\b(zamiast (tego)?|alternatyw\w*|inn[ayei]{1,2} (opcj\w*|termin\w*|dzie[ńn]|dni|godzin\w*|dat\w*)|"
        r"(mog[ęe]|mo[żz]emy) (zaproponowa[ćc]|zaoferowa[ćc]|poleci[ćc])|mo[żz]e (pasowa[łl]by|pasowa[łl]aby))\b",
    ),
    "resolved": (
        r"\b(zarezerwowa\w*|potwierdzon\w*|za[łl]atwion\w*|rozwi[ąa]zan\w*|gotowe|numer referencyjny)\b",
    ),
    "dismissive": (
        r"\bprosz[ęe] si[ęe] uspokoi[ćc]\b",
        r"\buspok[óo]j si[ęe]\b",
        r"\bto nie (jest )?(m[óo]j|nasz) problem\b",
        r"\bjak ju[żz] (m[óo]wi|pisa)[łl](em|am|i[śs]my)\b",
    ),
    "positive_words": (
        r"\b([śs]wietn\w*|dobr\w*|doskona[łl]\w*|mi[łl]\w*|pomocn\w*|uprzejm\w*|"
        r"zadowolon\w*|ch[ęe]tnie|lepiej|najlepsz\w*|ciesz\w*)\b",
    ),
    "negative_words": (
        r"\b(z[łl]y|z[łl]a|z[łl]e|b[łl][ąa]d\w*|problem\w*|fataln\w*|okropn\w*|nigdy|"
        r"niedopuszczaln\w*|bezu[żz]yteczn\w*|niejasn\w*)\b",
    ),
    "yes_no_question": (r"^\s*czy\b",),
    "yes_no_start": (r"^\s*(tak|nie|oczywi[śs]cie|jasne|owszem|niestety nie)\b",),
    "please": (r"\bprosz[ęe]\b", r"\buprzejmie prosz[ęe]\b"),
    "willing": (
        r"\b(oczywi[śs]cie|naturalnie|z przyjemno[śs]ci[ąa]|bardzo ch[ęe]tnie)\b",
        r"\bch[ęe]tnie (pomog[ęe]|pomo[żz]emy|to zrobi[ęe]|sprawdz[ęe])\b",
    ),
    "willing_start": (r"^\s*(jasne|nie ma problemu)\b",),
    "welcome": (
        r"\bnie ma za co\b",
        r"\b(ca[łl]a )?przyjemno[śs][ćc] po (mojej|naszej) stronie\b",
        r"\bmi[łl]o (mi|nam) (by[łl]o )?pom[óo]c\b",
        r"\bciesz[ęe] si[ęe],? [żz]e mog[łl](em|am) pom[óo]c\b",
    ),
    "gratitude": (r"\bdzi[ęe]kuj[ęe]\w*", r"\bdzi[ęe]kujemy\b", r"\bdzi[ęe]ki\b", r"\bdoceniam\w*"),
    "greeting": (r"^\s*(dzie[ńn] dobry|witam|szanown[ya]|cze[śs][ćc]|dobry wiecz[óo]r)\b",),
    "hedge": (
        r"\bczy (m[óo]g[łl]by|mog[łl]aby|mo[żz]e|mo[żz]na|m[óo]g[łl]bym)\b",
        r"\bmo[żz]e\b",
        r"\bwydaje mi si[ęe]\b",
        r"\bby[łl]oby\b",
        r"\bje[śs]li to mo[żz]liwe\b",
    ),
    "blame": (
        r"\b(to )?(pana|pani|twoja) wina\b",
        r"\bpowin(ien|na|ni) (pan|pani|pa[ńn]stwo) (by[łl]|by[ćc])\b",
        r"\bgdyby (pan|pani) (przeczyta|sprawdzi|pos[łl]ucha)[łl]\w*",
    ),
    "sarcasm": (r"\bz ca[łl]ym szacunkiem\b", r"\bpowodzenia z tym\b", r"\bdzi[ęe]ki za nic\b"),
    "rude": (
        r"\b(g[łl]upi\w*|idiot\w*|bzdur\w*|[żz]a[łl]osn\w*|bezu[żz]yteczn\w*|zamknij si[ęe]|"
        r"absurd\w*|skandal\w*)\b",
    ),
    "direct_question": (r"^\s*dlaczego (pan|pani|nie)\b",),
    "command": (r"^\s*(przeczytaj|przesta[ńn]|s[łl]uchaj|nie (r[óo]b|pisz))\b",),
    "commitment": (
        r"\b(sprawdz[ęe]|zajm[ęe] si[ęe]|oddzwoni[ęe]|wy[śs]l[ęe]|przeka[żz][ęe]|zwr[óo]c[ęe]|potwierdz[ęe]|"
        r"skontaktuj[ęe] si[ęe]|za[łl]atwi[ęe]|dopilnuj[ęe]|napisz[ęe]|zg[łl]osz[ęe]|wymieni[ęe]|"
        r"anuluj[ęe]|przeanalizuj[ęe]|zweryfikuj[ęe])\b",
        r"\b(sprawdzimy|zajmiemy si[ęe]|wy[śs]lemy|oddzwonimy|zwr[óo]cimy|skontaktujemy si[ęe]|"
        r"wymienimy|za[łl]atwimy)\b",
        r"\b(zleci|wys[łl]a|zg[łl]osi|przekaza|anulowa|zwr[óo]ci|sprawdzi|zarejestrowa|za[łl]atwi)[łl](em|am)\b",
    ),
    "solution": (
        r"\b(zwrot\w*|wymian\w*|rekompensat\w*|bon\w*|napraw\w*|techni\w*|rabat\w*|anul\w*|"
        r"korekt\w*|reklamacj\w*|kurier\w*|nowe? (has[łl]o|kart\w*|zam[óo]wienie))\b",
    ),
    "next_step": (
        r"\b(dzi[śs]|dzisiaj|jutro|w tym tygodniu|w przysz[łl]ym tygodniu|w ci[ąa]gu \d+|do "
        r"(poniedzia[łl]ku|wtorku|[śs]rody|czwartku|pi[ąa]tku|ko[ńn]ca)|\d+ ?(godzin\w*|dni)( roboczych)?)\b",
        r"\b(najpierw|nast[ęe]pnie|potem|gdy tylko|po tym)\b",
    ),
    "follow_up": (
        r"\boddzwoni[ęe]\b",
        r"\boddzwonimy\b",
        r"\b(dam|damy) (panu |pani |pa[ńn]stwu )?zna[ćc]\b",
        r"\b(b[ęe]d[ęe]|b[ęe]dziemy) informowa[ćc]\b",
        r"\bodezw[ęe] si[ęe]\b",
        r"\bskontaktuj[ęe] si[ęe]\b",
    ),
    "deflection": (
        r"\bmusi (pan|pani)\b",
        r"\bpowin(ien|na) (pan|pani)\b",
        r"\bprosz[ęe] (si[ęe] )?skontaktowa[ćc] z\b",
        r"\bto nie (jest )?(nasza|moja) (wina|sprawa|odpowiedzialno[śs][ćc])\b",
        r"\bnic nie (mo[żz]emy|mog[ęe])\b",
        r"\bnie ma mo[żz]liwo[śs]ci\b",
    ),
    "jargon": (
        r"\b(sla|backend|provisioning|zgodnie z powy[żz]szym|niniejsz\w*|przedmiotow\w*|"
        r"uprzejmie informuj[ęe])\b",
    ),
    "generic_salutation": (r"\bszanown[ya] klien(cie|tko)\b", r"\bszanowni pa[ńn]stwo\b"),
    "closing": (
        r"\bpozdrawiam\b",
        r"\bz powa[żz]aniem\b",
        r"\bserdecznie\b",
        r"\bpozdrowienia\b",
        r"\b[łl]adnego dnia\b",
        r"\bmi[łl]ego dnia\b",
    ),
    "emotion_in_message": (
        r"\b(z[łl]y|z[łl]a|w[śs]ciek[łl]\w*|zdenerwowan\w*|rozczarowan\w*|skandal\w*|niedopuszczaln\w*|"
        r"martwi\w*|boj[ęe] si[ęe]|nadal (nie|brak)|wci[ąa][żz] (nie|czekam)|pilne|pilnie|fatalnie|"
        r"okropn\w*|nigdy wi[ęe]cej|mam do[śs][ćc])\b",
        r"!!",
        r"\?\?",
    ),
}

LEXICONS: dict[str, Lexicon] = {"en": EN, "es": ES, "pl": PL}
NEVER = r"(?!)"  # a cue kind a language has no phrases for yet


@cache
def compiled(language: str) -> dict[str, re.Pattern[str]]:
    """One case-insensitive pattern per cue kind (built on first use, then cached)."""
    lexicon = LEXICONS.get(language, EN)
    kinds = set(EN) | set(lexicon)
    return {
        kind: re.compile(
            "|".join(f"(?:{p})" for p in lexicon.get(kind, (NEVER,))),
            re.IGNORECASE | re.MULTILINE,
        )
        for kind in sorted(kinds)
    }


@cache
def folded(language: str) -> dict[str, re.Pattern[str]]:
    """The same patterns for text already lower-cased (no case-insensitive matching, which
    is the slow part of scanning): the phrases are written in lower case."""
    return {
        kind: re.compile(pattern.pattern, re.MULTILINE)
        for kind, pattern in compiled(language).items()
    }


@cache
def anchored(language: str) -> frozenset[str]:
    """Cue kinds whose every phrase is anchored at the start of the text (^)."""
    lexicon = LEXICONS.get(language, EN)
    return frozenset(
        kind
        for kind in set(EN) | set(lexicon)
        if all(p.startswith("^") for p in lexicon.get(kind, (NEVER,)))
    )


def count(language: str, kind: str, text: str) -> int:
    return len(compiled(language)[kind].findall(text))


def has(language: str, kind: str, text: str) -> bool:
    return compiled(language)[kind].search(text) is not None
