/**
 * Turns a requirement sentence into atomic requirements: one skill, qualification, credential or
 * experience claim each. The sentence's frame goes ("You should also have …", "… would count in
 * your favour"), clauses joined as separate demands are split ("X, as would Y"; "X and a track
 * record of Y"), and lists of short items become one item each ("React, TypeScript, HTML/CSS, Git
 * and writing tests are the basics we need" → five). Alternatives stay one item ("Tableau or
 * Power BI"), as do examples in brackets or after "such as".
 *
 * Also tells apart what is no requirement at all (how to apply, pay, benefits, equal
 * opportunity, "none of these are required", board noise) and conditions of hire (right to work,
 * location, licence, checks, shifts), which are listed apart and never scored.
 */
import { hasMustCue, hasNiceCue } from './cues';
import { languagePrefixLength } from './languages';
import { fold } from './normalize';

/** Phrases that open a requirement without being part of it, folded (see `fold`). */
const LEADING_FRAMES: RegExp[] = [
  /^(?:to (?:succeed|do well|thrive) in this (?:role|job|position)|to be successful(?: in this role)?|pour reussir (?:dans|a) ce poste|pour ce poste|um (?:in dieser rolle )?erfolgreich zu sein|para (?:tener exito|triunfar) en (?:este|el) puesto)[^,]*,\s*/,
  /^to be considered(?: for this (?:role|job|position))?,?\s+(?:you (?:must|will need to|need to|should)\s+(?:be\s+|have\s+|hold\s+)?)?/,
  /^(?:you know how to|you can|you are able to|vous savez|tu sais|sie konnen|du kannst|sabes)\s+/,
  /^(?:tu es|vous etes|tu te sens|vous vous sentez)\s+(?:tres\s+)?(?:a l'aise|familier|familiere|a l'aise)\s+(?:avec|en|dans)\s+/,
  /^(?:(?:erste|gute|sehr gute|fundierte|solide)\s+)?(?:erfahrung mit|kenntnisse (?:in|im|von|der|uber))\s+/,
  // A reason first: "Da Sie mit Dienstleistern zusammenarbeiten, sind … erforderlich".
  /^(?:da|weil|because|since|comme|puisque|ya que|puesto que)\s[^,]{3,90},\s*(?=\S)/,
  /^(?:ist|sind|sie sollten|du solltest)\s+(?=\S+\s+\S)/,
  /^(?:for this (?:role|job|position)|para este (?:puesto|trabajo|rol)|pour ce (?:poste|role)|fur diese (?:stelle|position|rolle))\s*,?\s*(?=\S)/,
  // The second of two coordinated phrases ("… y con buena base en terapia manual").
  /^(?:with|con|avec|mit)\s+(?=\S+\s+\S)/,
  /^to\s+(?=\S+\s+\S)/,
  /^(?:and|but|so|also|plus|ideally|preferably|additionally|furthermore|finally|most importantly|above all|idealement|idealerweise|vorzugsweise|idealmente|preferiblemente|preferentemente|de preference)\b[\s,]*/,
  /^(?:bonus points|extra points|brownie points)(?: if| for)?\b\s*/,
  /^(?:it(?:'s| is| would(?: also)? be| will(?: also)? be)|that(?:'s| is| would(?: also)? be)) (?:also )?(?:a (?:big |real )?(?:plus|bonus|advantage)|great|nice|helpful|useful|ideal|desirable|beneficial)(?: if| to)?\b\s*/,
  /^(?:you|we|candidates?|applicants?|the (?:ideal )?(?:candidate|person|applicant))(?:'ll| will| should| must| need to| would| are expected to| are required to)?(?: also| ideally| already)? (?:have|has|bring|hold|possess|need|be|show|demonstrate|offer)\b\s*/,
  /^(?:we(?:'re| are)?|i am|we'd) (?:also )?(?:looking for|seeking|need|want|expect|require|would like)(?: (?:someone|somebody|a person|people|candidates?|applicants?|you))?(?: (?:with|who (?:has|have|is|are|can)|that (?:has|have)))?\b\s*/,
  /^(?:someone|somebody|a person|people|candidates?|applicants?)(?: (?:with|who (?:has|have|is|are|can)|that (?:has|have)))\b\s*/,
  /^(?:you(?:'ll| will) (?:fit in|do well|thrive|succeed|be a (?:good |great )?fit)(?: well| here| with us)? )?if you(?:'ve| have)? spent\s+/,
  /^if you(?:'re| are) used to\s+/,
  /^if you (?:also )?(?:have|are|can|hold|bring|speak|know)\b\s*/,
  // "The people who have done well in this kind of role usually have …".
  /^(?:the )?(?:people|persons?|candidates?|applicants?|those|someone|anyone)\s+who\s+[^,]{0,60}?\s(?:usually|typically|generally|often|tend to|all|also)?\s*(?:have|has|bring|hold|share)\s+(?=\S)/,
  /^(?:you (?:should|will|'ll|must|need to) )?know your way around\s+/,
  /^you are (?=(?:comfortable|confident|familiar|experienced|proficient|fluent|skilled|keen|happy|able)\b)/,
  /^(?:have|has|hold|holding|bring|possess|show|demonstrate)\b\s*/,
  /^(?:(?:a|an|the)\s+)?(?:(?:very|really|truly)\s+)?(?:solid|strong|good|proven|excellent|secure|sound|working|deep|thorough|demonstrable|demonstrated|basic|clear|genuine|real|practical|hands-on|first-hand|broad|relevant|some|previous|prior)\s+(?=(?:experience|knowledge|understanding|grasp|command|track record|background|familiarity|proficiency|skills?)\b)/,
  /^(?:(?:a|an|the)\s+)?(?:knowledge|understanding|grasp|command|familiarity|proficiency) (?:of|with|in)\s+/,
  /^(?:(?:a|an|the)\s+)?experience (?:with|using|of working with)\s+/,
  /^(?:being )?(?:comfortable|confident|familiar|experienced|proficient|fluent|skilled|at home|happy) (?:with|in|using|at|working with)\s+/,
  // German, French, Spanish.
  /^(?:sie|du) (?:bringen|bringst|verfugen|verfugst|haben|hast|besitzen|besitzt)(?: idealerweise| bereits| zudem)?(?: uber)?\s+/,
  /^(?:idealerweise|zudem|auerdem|ausserdem|wunschenswert sind|von vorteil sind)\s+/,
  /^(?:vous (?:avez|possedez|maitrisez|disposez d(?:e|')|justifiez d(?:e|'))|tu (?:as|possedes|maitrises))\s*/,
  /^(?:il (?:vous|te|nous) faut|il faut|vous devez (?:avoir|posseder|justifier d(?:e|'))|tu dois (?:avoir|posseder))\s*/,
  /^(?:idealement|de plus|egalement)\s*,?\s*/,
  // "Maîtrise de la méthode HACCP", "Connaissance du référentiel BRCGS": the frame noun goes.
  /^(?:(?:une |la )?(?:bonne |parfaite |solide )?(?:maitrise|connaissance|pratique))\s+(?:de la |du |des |de l')(?=\S)/,
  // The second complement of "X de A et de la B".
  /^(?:du|de la|des|de l'|del|de los|de las)\s+(?=\S+\s+\S)/,
  /^(?:(?:tienes|tiene|cuentas con|cuenta con|posees|dominas)\s+)/,
  /^(?:buscamos|necesitamos|queremos|pedimos)(?: a)?(?: (?:una persona|alguien|un perfil|candidatos?))?(?: (?:con|que))?\s+/,
  /^(?:tambien|ademas)\s+(?:necesitamos|buscamos|pedimos)(?: que)?\s+/,
  /^(?:se valorara|se valoraran|valoramos|es imprescindible|es necesario|es obligatorio|sera un plus)(?: que)?\s+/,
  /^(?:tambien |ademas )?es (?:importante|fundamental|esencial|clave) que\s+/,
  /^(?:que\s+)?(?:tengas|hables|conozcas|sepas|domines|cuentes con|poseas|manejes)\s+/,
  /^(?:(?:un|una)\s+)?(?:buen|buena|solido|solida|amplio|amplia)\s+(?=(?:conocimiento|dominio|experiencia|manejo)\b)/,
  /^(?:fur diese (?:aufgabe|stelle|position|rolle)\s+)?(?:setzen wir|erwarten wir|wunschen wir uns|suchen wir)\s+/,
  /^(?:sie|du)?\s*(?:arbeiten|arbeitest|kennen|kennst|beherrschen|beherrschst|verfugen|verfugst|bringen|bringst)\s+(?:sich\s+)?(?:sicher\s+)?(?:mit\s+|im\s+|in\s+|uber\s+)?/,
  /^(?:eine?n?|erste|gute|sehr gute|fundierte|solide|mehrjahrige)\s+(?=(?:abgeschlossene|kaufmannische|erfahrung|kenntnisse|ausbildung)\b)/,
  /^(?:idealmente|ademas)\s*,?\s*/,
];

/** Phrases that close a requirement without being part of it, folded. */
const TRAILING_FRAMES: RegExp[] = [
  // A cue word closing the item on its own ("sehr gute Deutschkenntnisse erforderlich").
  /\s+(?:(?:ist|sind|waren|ware|est|sont|es|son|is|are)\s+)?(?:erforderlich|wunschenswert|von vorteil|vorausgesetzt|requis|requise|souhaite|souhaitee|obligatoire|imprescindible|deseable|valorable|required|essential|preferred|desirable)\s*$/,
  /\s+(?:is|are) not (?:required|essential|mandatory)\b.*$/,
  /\s*,?\s*(?:would|will|is|are|'s|'re|would also|will also|is also|are also)\s+(?:really\s+)?(?:be\s+)?(?:count(?:s)? in your favou?r|an? (?:big |real |strong )?(?:advantage|plus|bonus|asset)|nice(?: to have)?|desirable|beneficial|welcome|appreciated|essential|required|necessary|mandatory|a must|needed|important|helpful|useful|great|ideal|preferred|expected|the basics(?: we need)?|what we need|key)\b.*$/,
  /\s*,?\s*(?<!\p{L})(?:because|since|as we|as you(?:'ll| will)|so that|so you can|to help|which (?:is|are|will)|who can|in order to|car|parce que|afin de|weil|da wir|damit|porque|ya que)\b.*$/u,
  // A relative clause about the demand ("…, que son el núcleo de nuestro trabajo").
  /\s*,\s*(?:que (?:es|son|sera|seran)|qui (?:est|sont|sera|seront)|die (?:ist|sind)|das (?:ist))\b.*$/,
  /\s*,?\s*(?:ist|sind|waren|wäre|ware)\s+(?:von vorteil|wunschenswert|ein plus|erforderlich|notwendig|voraussetzung|pflicht)\b.*$/,
  /\s*,\s*(?:pour|para|fur|for)\s+(?:les|la|le|l'|el|los|las|die|der|den|the|our|nos|notre|nuestros|nuestras|unsere\w*)\s.*$/,
  // What the employer needs it for ("… für die Kommunikation mit unseren Fahrern").
  /\s+(?:fur|for|pour|para)\s+(?:\S+\s+){0,5}?(?:unser\w*|our|nos|notre|nuestr\w*)\s.*$/,
  /\s*,?\s*(?:est|sont|serait|seraient|sera)\s+(?:un (?:vrai |reel |gros |veritable )?(?:plus|atout)|appreci[ee]e?s?|souhaite[e]?s?|indispensables?|obligatoires?|requis(?:e|es)?|necessaires?|exige(?:e|s|es)?|attendu(?:e|s|es)?)\b.*$/,
  /\s*,?\s*(?:es|son|sera|seran)\s+(?:un plus|valorad[oa]s?|imprescindibles?|necesari[oa]s?|requerid[oa]s?|obligatori[oa]s?)\b.*$/,
  /\s*,?\s*(?:se valorara|se valoraran)\b.*$/,
  /\s+(?:voraus|gut aus|aus)\s*$/,
  /\s+gehort (?:ebenfalls |auch )?dazu\s*$/,
  // German puts the verb last: "… und VMware vSphere sollten Sie sicher beherrschen".
  /\s+(?:sollten|mussen|konnen|sollen)\s+(?:sie|du)\b.*$/,
  /\s+(?:sicher\s+)?(?:beherrschen|beherrschst|mitbringen|mitbringst|vorweisen|kennen)\s*(?:konnen)?\s*$/,
  /\s*,?\s*(?:tambien|ademas)\s*$/,
  // "Néerlandais : un plus, pour nos clients belges", "Python - required", "SEO (a plus)".
  /\s*[:(–—-]\s*(?:un plus|un atout|a plus|an? advantage|a bonus|nice to have|souhaite\w*|apprecie\w*|bienvenu\w*|von vorteil|wunschenswert|ein plus|deseable|valorable|se valora\w*|desirable|preferred|optional|essential|required|mandatory|indispensable|obligatoire|imprescindible|requis\w*|erforderlich)\b.*$/,
];

/**
 * An elaboration that narrows the same demand ("conocimiento de vinos, sobre todo de …",
 * "Strong SQL - you will be writing queries …"): cut off, the demand stays.
 */
const ELABORATION =
  /\s*,\s*(?:especially|particularly|in particular|notably|above all|sobre todo|en particular|especialmente|surtout|en particulier|insbesondere|vor allem|besonders)\b.*$|\s+[-–—]\s+(?=(?:you|we|it|this|that|which|our|vous|nous|tu|on|il|ce|cela|sie|wir|du|es|das|usted|nuestr\w*|lo|la)\s).*$/i;

/** "…, including X": X is a demand of its own ("Dominio de Figma, incluido el trabajo con sistemas de diseño"). */
const INCLUDING =
  /\s*,\s*(?:including|incl\.|incluid[oa]s?|incluyendo|y compris|notamment|einschlie(?:ß|ss)lich|inklusive)\s+/i;

/** A lead-in before a colon that says the list after it is wished for, not required. */
const LIST_LEAD_IN = /\b(?:the following|some of|any of|one or more|folgende\w*|suivant\w*|siguiente\w*)\b/;

/** A sentence that is no requirement, folded. */
const NOT_REQUIREMENT: RegExp[] = [
  /^(?:to apply|how to apply|apply (?:now|here|today|by|via)|please (?:send|apply|submit|email|note)|send (?:us )?(?:your|a)|applications? (?:must|should|close|will)|closing date|interviews? will|if you need (?:anything|any|adjustments|support|help)|any questions|for (?:more information|questions)|questions\?)/,
  /^(?:in return|we offer|what we offer|benefits|perks|our benefits|you(?:'ll| will) (?:get|receive|enjoy)|salary|pay(?:ing)?\b|compensation|remuneration|remuneracion|salario|retribucion|gehalt|verguetung|vergutung|wir bieten|unser angebot|nous offrons|nous proposons|ce que nous offrons|avantages|ofrecemos|te ofrecemos)/,
  /(?:£|€|\$|chf)\s?\d|\d\s?(?:k€|€|£|\$)|\bper (?:annum|hour|year)\b|\bpro rata\b/,
  /\b(?:equal opportunit|equal-opportunit|we welcome applications|we value diversity|valoramos la diversidad|diversite|diversitat|chancengleich|regardless of|sans distinction|sin distincion|situation de handicap|disabilit|neurodivers|reasonable adjustments|inclusive employer)/,
  /\b(?:none of (?:these|this|them) (?:is|are) (?:required|essential|mandatory)|don't (?:need|expect you) to (?:tick|meet|have)|do not (?:need|expect you) to (?:tick|meet|have)|tick every box|meet every|meet all|research shows|que cumplas todos|toutes les cases|cochez pas|alle anforderungen|jede anforderung)/,
  // Questions are prompts ("Do you have experience in …?"), not demands.
  /\?\s*$/,
  // Duties: "As head waiter you will be responsible for …", "Como jefe/a de sala serás …".
  /^(?:as|como|en tant que|als|in this role|in der rolle|dans ce poste|en este puesto)\b[^.]{0,60}?\b(?:you will|you'll|you will be|seras|estaras|vous serez|vous allez|sie werden|du wirst|tu seras)\b/,
  /\b(?:easy apply|show more|show less|see how you compare|applicants?\b|retry premium|job details|promoted|people also viewed|about the company|save job|report (?:this )?job|reposted|actively recruiting|how the job qualifications align|yes no|match details|meet the hiring team|your profile (?:is missing|matches)|missing required qualifications|deroulement des entretiens|processus de recrutement|notre processus|ablauf des bewerbungsprozesses|proceso de seleccion)\b/,
  // The steps of the hiring process: "Échange de 30 minutes avec Claire", "Entretien avec le Head of Product".
  /^(?:(?:un |une |a )?(?:echange|entretien|appel|call|interview|chat|gesprach|entrevista)\b[^.]{0,40}\b(?:avec|with|mit|con)\b|cas pratique|case study|rencontre avec)/,
  /(?:the following|folgende|les suivants|suivantes|lo siguiente|los siguientes)\s*:?\s*$/,
];

/** An invitation to apply ("newly qualified nurses are welcome to apply"): nobody is asked for anything. */
const WELCOME =
  /\b(?:(?:are|is) (?:also |very |most )?welcome to apply|welcome applications|encourage (?:you|applications|applicants) to apply|(?:sind|ist) (?:bei uns )?(?:ebenfalls |auch )?(?:herzlich |sehr )?willkommen|(?:sont|est) (?:les |la |le )?(?:tres )?bienvenue?s?|son bienvenid[oa]s)\b/;

/**
 * A clause whose subject is the employer or the workplace ("we provide the van", "Somos un
 * equipo de 28", "hay otra compañera que…", "Overnight stays are covered"): it describes the
 * job, asks nothing of the candidate.
 */
const EMPLOYER_CLAUSE =
  /^(?:(?:and |but )?we (?:provide|cover|pay|run|give|supply|offer|train|are (?:a|an|the)\b)|we're (?:a|an)\b|somos\b|hay (?:otr[oa]s?|un|una)\b|there (?:is|are) (?:already|another)\b|nous (?:sommes|ouvrons|lancons|fournissons|finan[cç]ons|prenons en charge)\b|wir (?:sind ein|stellen|bieten|ubernehmen)\b)|\b(?:(?:are|is) (?:covered|provided|paid for|reimbursed)|(?:la )?empresa (?:facilita|pone|proporciona|cubre|paga)|(?:los|las|lo|la) ponemos nosotros|(?:wird|werden) (?:gestellt|ubernommen|erstattet))\b/;

/** Words that reassure instead of asking ("do not worry", "we will train you"). */
const REASSURANCE =
  /\b(?:do not worry|don't worry|dont worry|no need to worry|we (?:can|will|'ll|are happy to) (?:teach|train|show) you|we (?:provide|offer) (?:full )?training|pas d'inquietude|keine sorge|no te preocupes)\b/;

/** A lead-in saying no item of the list after it is required. */
const NONE_REQUIRED =
  /\bnone of (?:these|this|them|the following) (?:is|are) (?:required|essential|mandatory)\b/;

/** A demand the posting itself waives ("not essential", "pas obligatoire"): a nice-to-have. */
const WAIVED =
  /\b(?:(?:is|are) not (?:required|essential|mandatory|a requirement)|not (?:strictly )?(?:essential|required|mandatory)|isn't essential|aren't required|no es (?:imprescindible|obligatorio|necesario)|tampoco es (?:imprescindible|obligatorio|necesario)|no hace falta|n'est pas (?:requis|obligatoire|exige|indispensable|necessaire)|pas obligatoire|pas indispensable|nicht (?:erforderlich|notwendig|zwingend|vorausgesetzt)|erwarten wir (?:ausdrucklich )?nicht|setzen wir nicht voraus|keine voraussetzung)/;

/** Words that still wish for what a waiver does not demand ("not required, but a plus"). */
const WISHED =
  /\b(?:plus|bonus|advantage\w*|asset|helps?|helpful|useful|welcome|appreciated|desirable|ideally|preferably|vorteil|wunschenswert|hilfreich|atout|apprecie\w*|souhait\w*|utile|valorar\w*|valorable|deseable|preferibl\w*|idealmente|idealement|idealerweise)\b/;

/** A clause that is a wish of its own ("ideally in an agency", "would be a plus"). */
const NICE_CLAUSE =
  /^(?:ideally|preferably|idealement|idealerweise|vorzugsweise|idealmente|preferiblemente|preferentemente|de preference)\b|\b(?:a plus|an advantage|un plus|un atout|von vorteil|wunschenswert|se valorara|souhaite\w*|serait un plus|would be (?:great|nice|a plus)|count in your favou?r)\b/;

/** A wish that only narrows the demand before it: "ideally in banking", "idéalement dans l'assurance". */
const NARROWING_WISH =
  /^(?:ideally|preferably|idealement|idealerweise|vorzugsweise|idealmente|preferentemente|preferiblemente|de preference)\s*,?\s*(?:in|within|at|on|from|dans|en|chez|aupres|au|aux|im|in der|bei|aus|en el|en la|en un|en una|dentro)\b/;

/** The noun of an experience or knowledge demand, as written. */
const DEMAND_HEAD =
  /(?<!\p{L})(?:experience|expérience|experiencia|erfahrung|knowledge|connaissances?|conocimientos?|kenntnisse)(?!\p{L})/iu;

/** A sentence that opens as a wish ("It would also be a plus if", "Ideally", "Bonus points if"). */
export const NICE_OPENING =
  /^(?:(?:it(?:'s| is| would(?: also)? be| will(?: also)? be)|that(?:'s| is| would(?: also)? be)) (?:also )?(?:a (?:big |real )?(?:plus|bonus|advantage)|great|nice|helpful|ideal|desirable|beneficial)\b|(?:ideally|preferably|bonus points|extra points|idealerweise|idealement|idealmente|de preference|wunschenswert|von vorteil)\b)/;

/** A clause that states its own demand, which a wish opening the sentence does not soften. */
const DEMAND_WORD =
  /\b(?:required|must|essential|mandatory|erforderlich|zwingend|requis|obligatoire|indispensable|imprescindible|obligatorio)\b/;

/** Words of a skill demand, which a condition of hire in the same sentence does not outweigh. */
const REQUIREMENT_OF_SKILL =
  /\b(?:experience|knowledge|degree|qualification|conocimiento|experiencia|erfahrung|kenntnisse|connaissance|diplome|formation|ausbildung)\b/;

/** A condition of hire rather than a skill, folded. */
const ELIGIBILITY: RegExp[] = [
  /\b(?:right to work|eligib\w* to work|work(?:ing)? permit|work authori[sz]ation|visa|sponsor\w*|security clearance|clearance)\b/,
  /\b(?:based in|live within|living within|(?:live|living|reside|residing) in|located in|commut\w*|relocat\w*|on-?site|in the office|office days|days a week in|\w+ days a week|hybrid|(?:happy|willing|able) to travel|presence au bureau|jours par semaine|deplacements|prasenz im buro|tage (?:pro|die) woche|presencial|dias (?:a la|por) semana)\b/,
  /\b(?:driving licen[cs]e|driver'?s licen[cs]e|full (?:uk |clean )?licen[cs]e|own (?:car|vehicle|transport)|fuhrerschein|permis(?: de conduire| b)?\b|carnet de conducir|carne de conducir|vehiculo propio)/,
  /\b(?:dbs|background check|criminal record|police check|references|fuhrungszeugnis|sicherheitsuberprufung\w*|casier judiciaire|extrait de casier|honorabilite|certificado de (?:delitos|antecedentes)|certificado negativo|registro central de delincuentes)\b/,
  /\b(?:voraussetzung fur die einstellung|condition (?:of|for) (?:hire|employment)|condition d'embauche|embauche est soumise)\b/,
  // Working days and hours: "de lunes a viernes", "Arbeitszeit im Schichtsystem", "du mardi au samedi".
  /\b(?:(?:de )?lunes a (?:viernes|sabado)|montag bis (?:freitag|samstag)|du (?:lundi|mardi) au (?:vendredi|samedi)|monday to (?:friday|saturday)|arbeitszeit\w*|(?:la )?jornada (?:es|sera|laboral)|working hours|hours are|horaires? de travail)\b/,
  /\b(?:(?:work|working) (?:in )?shifts|shift (?:work|pattern)|shifts (?:are|run|start|rotate)|\w+ nights on|night (?:work|shifts)|willing\w* to work|able to work (?:nights|weekends|shifts)|on-?call|schichtdienst|wochenenddienst\w*|bereitschaftsdienst\w*|astreintes?|travail (?:de nuit|le week-end|en equipe)|disponibilidad (?:para|de) (?:viajar|trabajar)|fines de semana y festivos|willing\w* to travel|travel (?:is )?required|reisebereitschaft|deplacements frequents)\b/,
];

/** What is left of a sentence that was all frame ("required", "you have", "It"). */
const CUE_ONLY =
  /^(?:required|requirements?|essential|desirable|mandatory|optional|preferred|needed|a plus|you have|you need|we need|it|this|that|these|those|they|we|you|also|other|others|etc|and more|erforderlich|wunschenswert|requis|souhaite|requerido|deseable)$/;

/** A remark in brackets about the employer or an example ("(we use Manhattan SCALE)"), no demand. */
const COMMENTARY =
  /\s*\((?:we|we're|our|you|e\.g\.|eg|i\.e\.|such as|for example|wir|unser\w*|nous|notre|nos|nosotros|nuestr\w*|z\.\s?b\.|p\.\s?ex\.|por ejemplo)(?=[\s.,:]|$)[^)]*\)/giu;

/** What a requirement sentence holds. */
export interface Atomized {
  /** Atomic requirements, in the posting's words. */
  items: string[];
  /** The items a clause of their own marks as nice to have ("…, ideally in an agency"). */
  nice: Set<string>;
  /** True when the sentence states a condition of hire, not a skill. */
  eligibility: boolean;
  /** True when the sentence is no requirement at all. */
  dropped: boolean;
}

const wordsIn = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Cuts `folded`'s frame off `text` (both the same length: folding keeps lengths). */
function cut(text: string, folded: string, patterns: RegExp[], from: 'start' | 'end'): [string, string] {
  let current = text;
  let currentFolded = folded;
  for (let round = 0; round < 4; round += 1) {
    let changed = false;
    for (const pattern of patterns) {
      const match = pattern.exec(currentFolded);
      if (!match || match[0].length === 0 || match[0].length >= currentFolded.length) continue;
      if (from === 'start' && match.index === 0) {
        current = current.slice(match[0].length).trimStart();
        currentFolded = currentFolded.slice(match[0].length).trimStart();
        changed = true;
      } else if (from === 'end' && match.index > 0) {
        current = current.slice(0, match.index).trimEnd();
        currentFolded = currentFolded.slice(0, match.index).trimEnd();
        changed = true;
      }
    }
    if (!changed) break;
  }
  return [current, currentFolded];
}

/** Splits "X, as would Y", "X as well as Y", "X; Y" and "X and a track record of Y" into demands. */
function clausesOf(text: string): string[] {
  return text
    .split(
      /\s*;\s+|\s*,\s*so\s+(?=\S+\s)|\s*,\s*as (?:would|will|does|do|is|are)\s+|\s+as well as\s+|\s*,?\s*ainsi qu(?:e\s+|['\u2019])|\s*,?\s*tout comme\s+|\s*,?\s*as[ií] como\s+|\s+y que\s+|\s*,\s*(?=(?:arbeiten|kennen|beherrschen|verfugen|verfügen|bringen|haben|sprechen)\s)|\s*,?\s*sowie\s+(?=(?:eine?n?|gute|sehr|erste)\b)|\s*,\s*(?=(?:ideally|preferably|idealement|idéalement|idealerweise|vorzugsweise|idealmente|preferiblemente|preferentemente|de preference|de préférence)\b)|\s*,\s*(?:and|or|et|ou|und|oder|y|o)\s+(?=(?:if\s+)?(?:you|vous|sie|du|tu)\b)|\s+(?:and|et|und)\s+(?=(?:you|vous|tu)\s+(?:know|can|are|have|sais|savez|es|êtes|as|avez|maîtrises|maîtrisez|connais|connaissez)\b)|\s+and\s+(?=to\s+\S+\s+\S)|\s+(?:and|et|und|y)\s+(?=(?:at least|a minimum of|au moins|mindestens|al menos)\s)|\s*,\s*(?:and|plus)\s+(?=(?:a|an|the|some|experience|knowledge)\b)|\s+and\s+(?=(?:a|an)\s+(?:\w+\s+){0,2}(?:track record|understanding|knowledge|experience|ability|degree|qualification|background|passion)\b)|\s+(?:and|y|et|und)\s+(?=(?:with|con|avec|mit)\s)|\s*,\s*(?:dazu|zudem|au(?:ß|ss)erdem|ebenso)\s+|\s+(?:et|y)\s+(?=(?:du|de la|des|de l['\u2019]|del|de los|de las)\s*\S)|\s*,\s*(?:und\s+)?(?=(?:sie|du)\s+(?:sollten|solltest|mussen|müssen|musst|brauchen|haben|hast|bringen|bringst)\b)/i,
    )
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * "Fließende Deutsch- und gute Englischkenntnisse": the first word, cut at its hyphen, shares the
 * last compound's head ("Deutschkenntnisse"), found after the language name that opens it.
 */
function completeSuspendedHyphen(text: string): string {
  const suspended = /(\p{L}+)-\s+(?:und|oder|sowie)\s+/u.exec(text);
  if (!suspended) return text;
  const after = text.slice(suspended.index + suspended[0].length);
  // The compound that completes it is one of the next few words.
  const words = after.split(/\s+/).slice(0, 4);
  for (const word of words) {
    const bare = word.replace(/[^\p{L}]+$/u, '');
    const cut = languagePrefixLength(bare);
    if (cut)
      return `${text.slice(0, suspended.index)}${suspended[1]}${bare.slice(cut)}${text.slice(suspended.index + suspended[1].length + 1)}`;
  }
  return text;
}

/** A demand's own noun opening a phrase ("familiarity with dbt", "a solid understanding of …"). */
const DEMAND_NOUN =
  /^(?:(?:a|an|the|some)\s+)?(?:(?:solid|strong|good|basic|sound|deep|working|proven)\s+)?(?:experience|familiarity|knowledge|understanding|expertise|proficiency|background|track record|ability|erfahrung(?:en)?|kenntnisse|connaissances?|maitrise|conocimientos?|experiencia|dominio)\b/;

/** A word of experience or knowledge and its preposition, opening a requirement. */
const OBJECT_FRAME =
  /^(?:experience|knowledge|understanding|familiarity|expertise|experiencia|conocimientos?|erfahrung(?:en)?|kenntnisse|exp[ée]rience|connaissances?)\s+(?:of|with|in|en|de|del|con|mit|im|in der|dans)\s+/iu;

/** Splits a list of short items; alternatives ("A or B") stay one. */
function listItems(text: string): string[] {
  if (/\b(?:such as|e\.g\.|for example|including|like|z\.\s?b\.|par exemple|comme|como)\b/i.test(text))
    return [text];
  const bracketless = completeSuspendedHyphen(text).replace(/\([^)]*\)/g, (group) =>
    group.replace(/,/g, '\u2063'),
  );
  // "ACA, ACCA or CIMA qualified": alternatives, one requirement.
  if (/\s(?:or|oder|ou|o)\s+[^,]+$/i.test(bracketless)) return [text];
  const parts = bracketless
    // "Deutsch- und Englischkenntnisse": a German word cut at a hyphen joins the next one.
    .split(/\s*,\s*(?:and\s+|und\s+|et\s+|y\s+)?|(?<!-)\s+(?:and|und|sowie|et|y)\s+/i)
    .map((part) => part.replace(/\u2063/g, ',').trim())
    .filter(Boolean);
  if (parts.length < 2) return [text];
  // "Experience defining and tracking product metrics": two verbs share one object.
  if (parts.length === 2 && /\p{L}+ing$/u.test(parts[0]) && /^\p{L}+ing\s+\S/u.test(parts[1])) return [text];
  // Two parallel demands ("Nivel alto de español y nivel B2 de inglés", "knowledge of A and
  // knowledge of B") are two items: both open with the same word.
  const openings = new Set(parts.map((part) => fold(part).split(/\s+/)[0]));
  if (parts.length === 2 && openings.size === 1 && parts.every((part) => wordsIn(part) >= 2)) return parts;
  // "Children Act 1989 and Working Together to Safeguard Children": two names.
  const named = (part: string) =>
    wordsIn(part) >= 2 &&
    part.split(/\s+/).every((word) => /^[\p{Lu}\p{N}]/u.test(word) || /^\p{Ll}{1,3}$/u.test(word));
  if (parts.length === 2 && parts.every(named)) return parts;
  // "La capacité à mener un entretien et le sens de la négociation": two noun phrases, each
  // with its own article.
  const article = (part: string) => /^(?:le|la|les|l'|el|los|las|der|die|das)\b/.test(fold(part));
  if (parts.length === 2 && parts.every((part) => article(part) && wordsIn(part) >= 3)) return parts;
  // "experience in financial services, familiarity with dbt": each part names its own demand.
  if (parts.every((part) => DEMAND_NOUN.test(fold(part)) && wordsIn(part) >= 2)) return parts;
  // "Experience of standard costing and stock valuation": the frame governs both objects.
  const frame = OBJECT_FRAME.exec(parts[0]);
  if (
    frame &&
    parts.length === 2 &&
    !/,/.test(bracketless) &&
    wordsIn(parts[0].slice(frame[0].length)) >= 2 &&
    wordsIn(parts[1]) >= 2 &&
    wordsIn(parts[1]) <= 4 &&
    !OBJECT_FRAME.test(parts[1])
  )
    return [parts[0], `${frame[0]}${parts[1]}`];
  const short = parts.every((part) => wordsIn(part) <= 5);
  const listed =
    parts.length >= 3 || (/,/.test(bracketless) === false && parts.every((part) => wordsIn(part) <= 3));
  return short && listed ? parts : [text];
}

/**
 * "It would be great if you also had some of the following, but none of these are required:
 * A, B and C": the lead-in before the colon says how much the list after it is wanted, and each
 * item of the list is a requirement of its own. Null when the sentence is no such list.
 */
function listAfterLeadIn(text: string): Atomized | null {
  const colon = /^(.{3,}?)\s*:\s+(\S.*)$/u.exec(text);
  if (!colon) return null;
  const headFolded = fold(colon[1]).replace(/['’]/g, '');
  const wished = WAIVED.test(headFolded) || NONE_REQUIRED.test(headFolded) || hasNiceCue(headFolded);
  if (wordsIn(colon[1]) < 2 || !(wished || (LIST_LEAD_IN.test(headFolded) && hasMustCue(headFolded))))
    return null;
  const tail = atomize(colon[2]);
  if (tail.dropped) return null;
  return { ...tail, nice: wished ? new Set(tail.items) : tail.nice };
}

/** Atomic requirements of one requirement sentence or bullet. */
export function atomize(sentence: string): Atomized {
  const text = sentence.replace(/\s+/g, ' ').trim();
  const listed = listAfterLeadIn(text);
  if (listed) return listed;
  const folded = fold(text);
  if (NOT_REQUIREMENT.some((pattern) => pattern.test(folded)))
    return { items: [], nice: new Set(), eligibility: false, dropped: true };
  const eligibility =
    ELIGIBILITY.some((pattern) => pattern.test(folded)) && !REQUIREMENT_OF_SKILL.test(folded);
  const items: string[] = [];
  const nice = new Set<string>();
  const waived = WAIVED.test(folded);
  // "It is not essential", "No es imprescindible hablar inglés": a waiver alone asks for nothing;
  // "eIDAS is not required but helps" still wishes for it.
  if (waived && !WISHED.test(folded.replace(WAIVED, ' ')))
    return { items: [], nice: new Set(), eligibility: false, dropped: true };
  // A wish that opens the sentence ("It would be a plus if …, and if …") governs every clause.
  const wishFirst = NICE_OPENING.test(folded);
  const clauses = clausesOf(text).flatMap((clause) => {
    const narrowed = clause.replace(ELABORATION, '');
    const parts = narrowed.split(INCLUDING);
    // A list after "including" gives examples of the demand ("stakeholders, including finance
    // and operations"); one longer phrase is a demand of its own.
    const examples = parts
      .slice(1)
      .some((part) => wordsIn(part) < 3 || /,|\s(?:and|or|y|o|et|ou|und|oder)\s/i.test(part));
    return examples ? [narrowed] : parts.filter((part) => wordsIn(part) >= 1);
  });
  let previous: string | undefined;
  for (const clause of clauses) {
    const clauseFolded = fold(clause);
    // "…experience of customer service, ideally in banking": the wish narrows the demand before
    // it, so it names that demand's noun ("experience in banking").
    const narrows = previous !== undefined && NARROWING_WISH.test(clauseFolded);
    // "Docs-as-code is how we work": a clause about the employer asks for nothing, nor does one
    // that reassures ("if you have never used Vale, do not worry: we can teach you").
    if (
      /^[^,]{0,60}\s(?:is|are) (?:how|what|where) we\b/.test(clauseFolded) ||
      REASSURANCE.test(clauseFolded) ||
      EMPLOYER_CLAUSE.test(clauseFolded) ||
      WELCOME.test(clauseFolded)
    )
      continue;
    const isNice = waived || NICE_CLAUSE.test(clauseFolded) || (wishFirst && !DEMAND_WORD.test(clauseFolded));
    let [core, coreFolded] = cut(clause, clauseFolded, LEADING_FRAMES, 'start');
    [core, coreFolded] = cut(core, coreFolded, TRAILING_FRAMES, 'end');
    core = core.replace(/^[\s,:;–—-]+|[\s,:;.–—-]+$/g, '').trim();
    if (!core || !/\p{L}/u.test(core)) continue;
    const head = narrows && previous ? DEMAND_HEAD.exec(previous) : null;
    if (head) {
      const item = `${head[0]} ${core}`;
      if (!items.includes(item)) items.push(item);
      if (isNice) nice.add(item);
      continue;
    }
    for (const item of listItems(core)) {
      const clean = item
        .replace(/^(?:and|or|und|oder|et|ou|y|o)\s+/i, '')
        .replace(COMMENTARY, '')
        .replace(/^(?:a|an|the|une?|le|la|les|el|los|las|una?|ein|eine|einen|der|die|das)\s+(?=\S)/i, '')
        .replace(/^l['\u2019](?=\p{L})/iu, '')
        .trim();
      if (!clean || !/\p{L}{2}/u.test(clean) || CUE_ONLY.test(fold(clean)) || items.includes(clean)) continue;
      items.push(clean);
      if (isNice) nice.add(clean);
      previous = clean;
    }
  }
  return { items, nice, eligibility, dropped: items.length === 0 };
}
