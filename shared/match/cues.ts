/**
 * The words postings use to mark their parts and their demands, in English, German, French and
 * Spanish: section headings ("Requirements", "Ihr Profil", "Profil recherché", "Requisitos") and
 * phrases inside a sentence ("required", "a plus", "von Vorteil", "se valorará").
 *
 * Everything here is compared with folded text (lower case, accents removed, see `fold`).
 */

/** What a section of a posting holds. */
export type SectionKind =
  'must' | 'requirements' | 'nice' | 'responsibilities' | 'benefits' | 'about' | 'other';

const HEADINGS: Record<Exclude<SectionKind, 'other'>, string[]> = {
  must: [
    'must have',
    'must haves',
    'must-have',
    'must-haves',
    'required',
    'required skills',
    'required qualifications',
    'required experience',
    'minimum qualifications',
    'minimum requirements',
    'basic qualifications',
    'essential',
    'essential skills',
    'essential criteria',
    'essential requirements',
    'mandatory',
    'muss',
    'must',
    'unbedingt erforderlich',
    'zwingend erforderlich',
    'requis',
    'obligatoire',
    'indispensable',
    'imprescindible',
    'requisitos imprescindibles',
    'requisitos minimos',
    'obligatorio',
  ],
  requirements: [
    'requirements',
    'other requirements',
    'additional requirements',
    'also required',
    'requirement',
    'qualifications',
    'qualification',
    'what you bring',
    'what youll bring',
    'what you will bring',
    'what we are looking for',
    'what were looking for',
    'what we look for',
    'who you are',
    'about you',
    'you have',
    'you are',
    'you bring',
    'you should have',
    'your profile',
    'your skills',
    'your experience',
    'skills',
    'skills and experience',
    'skills and qualifications',
    'experience and skills',
    'key skills',
    'key requirements',
    'job requirements',
    'candidate requirements',
    'the ideal candidate',
    'ideal candidate',
    'what you need',
    'what youll need',
    'what you will need',
    'youll need',
    'you will need',
    'you need',
    'we expect',
    'what we expect',
    'competencies',
    'knowledge skills and abilities',
    'education and experience',
    'experience',
    'profile',
    'candidate profile',
    'is this you',
    'are you',
    'your background',
    'what it takes',
    'anforderungen',
    'ihr profil',
    'dein profil',
    'das bringst du mit',
    'das bringen sie mit',
    'was du mitbringst',
    'was sie mitbringen',
    'was du mitbringen solltest',
    'voraussetzungen',
    'qualifikationen',
    'deine qualifikationen',
    'ihre qualifikationen',
    'was wir erwarten',
    'wir erwarten',
    'anforderungsprofil',
    'profil',
    'deine skills',
    'ihre kenntnisse',
    'du bringst mit',
    'sie bringen mit',
    'profil recherche',
    'votre profil',
    'ton profil',
    'competences requises',
    'competences',
    'qualifications requises',
    'exigences',
    'prerequis',
    'ce que nous recherchons',
    'vous avez',
    'vous etes',
    'profil souhaite',
    'qui etes-vous',
    'qui etes vous',
    'requisitos',
    'requerimientos',
    'perfil',
    'perfil buscado',
    'tu perfil',
    'su perfil',
    'que buscamos',
    'lo que buscamos',
    'que necesitas',
    'que pedimos',
    'formacion y experiencia',
    'requisitos del puesto',
  ],
  nice: [
    'nice to have',
    'nice to haves',
    'nice-to-have',
    'nice-to-haves',
    'bonus',
    'bonus points',
    'bonus if',
    'bonus if you have',
    'preferred',
    'preferred qualifications',
    'preferred skills',
    'preferred experience',
    'desirable',
    'desirable skills',
    'desirable criteria',
    'desired',
    'desired skills',
    'desired qualifications',
    'pluses',
    'plus',
    'a plus',
    'good to have',
    'it would be great if',
    'would be great',
    'extra credit',
    'ideally',
    'ideally you have',
    'even better',
    'what would make you stand out',
    'stand out',
    'optional',
    'additional qualifications',
    'advantageous',
    'assets',
    'its a plus',
    'its a bonus',
    'added bonus',
    'wunschenswert',
    'von vorteil',
    'idealerweise',
    'pluspunkte',
    'ein plus',
    'wunschenswerte kenntnisse',
    'optional',
    'gerne auch',
    'nice to have kenntnisse',
    'was uns noch freuen wurde',
    'atouts',
    'atout',
    'un atout',
    'les atouts',
    'serait un plus',
    'serait un atout',
    'les plus',
    'souhaite',
    'competences appreciees',
    'appreciees',
    'apprecie',
    'idealement',
    'un plus',
    'se valorara',
    'valorable',
    'valoramos',
    'se valora',
    'deseable',
    'deseables',
    'requisitos deseables',
    'sera un plus',
    'es un plus',
    'valoraremos',
  ],
  responsibilities: [
    'responsibilities',
    'key responsibilities',
    'your responsibilities',
    'main responsibilities',
    'duties',
    'key duties',
    'what youll do',
    'what you will do',
    'what youll be doing',
    'what you will be doing',
    'the role',
    'role',
    'about the role',
    'your role',
    'in this role',
    'day to day',
    'day-to-day',
    'your mission',
    'the mission',
    'tasks',
    'your tasks',
    'job description',
    'the job',
    'what the job involves',
    'your impact',
    'the opportunity',
    'about the job',
    'about the position',
    'position overview',
    'role overview',
    'what you will work on',
    'what youll work on',
    'the position',
    'ihre aufgaben',
    'deine aufgaben',
    'aufgaben',
    'aufgabengebiet',
    'ihr aufgabengebiet',
    'dein aufgabengebiet',
    'was dich erwartet',
    'was sie erwartet',
    'deine rolle',
    'ihre rolle',
    'tatigkeiten',
    'stellenbeschreibung',
    'deine mission',
    'missions',
    'vos missions',
    'tes missions',
    'vos responsabilites',
    'responsabilites',
    'le poste',
    'descriptif du poste',
    'description du poste',
    'votre role',
    'vos taches',
    'taches',
    'mission',
    'responsabilidades',
    'funciones',
    'tus funciones',
    'tareas',
    'que haras',
    'el puesto',
    'descripcion del puesto',
    'tu rol',
    'mision',
    'tus responsabilidades',
  ],
  benefits: [
    'benefits',
    'conditions',
    'conditions de travail',
    'whats on offer',
    'on offer',
    'what is on offer',
    'the package',
    'package',
    'recruitment process',
    'hiring process',
    'how to apply',
    'processus de recrutement',
    'proceso de seleccion',
    'bewerbungsprozess',
    'perks',
    'perks and benefits',
    'benefits and perks',
    'what we offer',
    'we offer',
    'why join us',
    'why us',
    'why you will love it here',
    'compensation',
    'salary',
    'compensation and benefits',
    'whats in it for you',
    'what you get',
    'our offer',
    'pay',
    'pay rate',
    'salary range',
    'hours',
    'working hours',
    'contract',
    'contract type',
    'shift',
    'shifts',
    'schedule',
    'start date',
    'gehalt',
    'verguetung',
    'vergutung',
    'arbeitszeit',
    'arbeitszeiten',
    'salaire',
    'horaires',
    'contrat',
    'salario',
    'horario',
    'jornada',
    'contrato',
    'wir bieten',
    'was wir bieten',
    'unser angebot',
    'das bieten wir',
    'deine vorteile',
    'ihre vorteile',
    'das erwartet dich',
    'das erwartet sie',
    'was wir dir bieten',
    'was wir ihnen bieten',
    'nous offrons',
    'ce que nous offrons',
    'ce que nous proposons',
    'avantages',
    'pourquoi nous rejoindre',
    'remuneration',
    'nous vous offrons',
    'ofrecemos',
    'que ofrecemos',
    'beneficios',
    'lo que ofrecemos',
    'te ofrecemos',
  ],
  about: [
    'about us',
    'about the company',
    'who we are',
    'about the team',
    'the team',
    'our team',
    'company',
    'overview',
    'company overview',
    'about',
    'summary',
    'how to apply',
    'application process',
    'to apply',
    'equal opportunity',
    'equal opportunity employer',
    'diversity',
    'our story',
    'our mission',
    'uber uns',
    'wer wir sind',
    'das unternehmen',
    'unternehmen',
    'bewerbung',
    'kontakt',
    'das sind wir',
    'qui sommes-nous',
    'qui sommes nous',
    'a propos',
    "l'entreprise",
    'lentreprise',
    'entreprise',
    'candidature',
    'sobre nosotros',
    'quienes somos',
    'la empresa',
    'empresa',
  ],
};

const HEADING_INDEX: Map<string, SectionKind> = (() => {
  const index = new Map<string, SectionKind>();
  for (const [kind, cues] of Object.entries(HEADINGS) as Array<[Exclude<SectionKind, 'other'>, string[]]>) {
    for (const cue of cues) if (!index.has(cue)) index.set(cue, kind);
  }
  return index;
})();

/**
 * The words of the cues that belong to one kind only ("need" of requirements, "offer" of
 * benefits), from the cue lists themselves: a heading that is no known cue but holds such words
 * of a single kind ("What we need from you") announces that kind.
 */
const HEADING_WORDS: Map<string, SectionKind> = (() => {
  const kindsOf = new Map<string, Set<SectionKind>>();
  for (const [kind, cues] of Object.entries(HEADINGS) as Array<[Exclude<SectionKind, 'other'>, string[]]>)
    for (const cue of cues)
      for (const word of cue.split(/[\s-]+/))
        if (word.length >= 4) kindsOf.set(word, (kindsOf.get(word) ?? new Set()).add(kind));
  const words = new Map<string, SectionKind>();
  for (const [word, kinds] of kindsOf) if (kinds.size === 1) words.set(word, [...kinds][0]);
  // Words every kind's cues use ("what", "your", "with") carry no kind.
  for (const word of ['what', 'your', 'with', 'will', 'have', 'about', 'this', 'that', 'from', 'youll', 'were'])
    words.delete(word);
  return words;
})();

/** Words that make a requirements heading a wish list. */
const NICE_HEADING_WORD =
  /\b(?:deseados?|deseables?|valorables?|valorados?|wunschenswert|wunschenswerte|souhaitee?s?|apprecie(?:e|s|es)?|preferred|desirable|desired|nice|bonus|optional|optionnel\w*|atouts?)\b/;

/** Reduces a heading to lower-case words: accents, apostrophes and punctuation removed. */
export function headingKey(folded: string): string {
  return folded
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The section kind a heading announces, or null when it is no known cue.
 *
 * Exact cues win; otherwise the longest cue the heading starts with ("Requirements & skills",
 * "Nice to have (not required)"); otherwise, when `byWords`, the one kind its words belong to
 * (see `HEADING_WORDS`).
 */
export function headingKind(folded: string, byWords = true): SectionKind | null {
  const key = headingKey(folded);
  if (!key) return null;
  const exact = HEADING_INDEX.get(key);
  if (exact) return exact;
  const words = key.split(' ');
  // "Requisitos deseados", "Anforderungen (wünschenswert)": a wish word anywhere makes the
  // section a wish list, whatever noun opens it.
  if (words.length > 1 && words.length <= 5 && NICE_HEADING_WORD.test(key)) return 'nice';
  for (let length = Math.min(words.length - 1, 6); length >= 1; length -= 1) {
    const kind = HEADING_INDEX.get(words.slice(0, length).join(' '));
    if (kind) return kind;
  }
  if (!byWords) return null;
  const kinds = new Set(words.map((word) => HEADING_WORDS.get(word)).filter((kind) => kind !== undefined));
  return kinds.size === 1 ? [...kinds][0] : null;
}

// Phrases that make a sentence a nice-to-have even inside a requirements section.
const NICE_PHRASES =
  /\b(?:preferred|preferably|(?:is |are |would be |will be )?an? (?:big |huge |real |strong )?(?:plus|bonus|advantage|asset)|plus if|bonus (?:if|points)|counts? in your favou?r|would count|nice[- ]to[- ]have|ideally|desirable|desired|advantageous|beneficial|appreciated|(?:is|are) welcome|great if|would be (?:great|nice|helpful|ideal)|not (?:strictly )?(?:required|necessary|essential|mandatory)|optional|extra points|even better|good to have|wunschenswert|von vorteil|idealerweise|ein plus|pluspunkt\w*|ware schon|waere schon|gerne gesehen|un plus|un atout|atouts?|apprecie\w*|souhaite\w*|souhaitable|idealement|serait un plus|bienvenue?s?|se valorara\w*|valorable|valoramos|valoraremos|se valora|deseable|preferibl\w*|preferentemente|idealmente|es un plus|sera un plus|seria un plus|mucho mejor|ware ein plus|freuen wir uns)\b/;

// Phrases that mark a demand in running text (wall-of-text postings).
const MUST_PHRASES =
  /\b(?:required|requires?|requirements?|must|mandatory|essential|necessary|need to have|needs? to|you need|you will need|youll need|we need|the basics|basics we need|non-negotiable|you have|you bring|you possess|you are|you should|should have|should be|we expect|we require|minimum|at least|proven|demonstrated|strong|solid|excellent|proficien\w*|fluen\w*|experience (?:with|in|of|as|using)|experienced|knowledge of|familiarity|understanding of|degree|certified|certification|licen[cs]ed?|qualified|ability to|able to|ideal candidate|\d+\s*\+?\s*(?:years?|yrs?)|erforderlich|vorausgesetzt|voraussetzung|setzen\s+\w*\s*voraus|zwingend|muss|mussen|mindestens|erfahrung|kenntnisse|abgeschlossene\w*|sicher\w* umgang|verhandlungssicher\w*|exige\w*|requis\w*|obligatoires?|indispensables?|imperatif\w*|necessaires?|au moins|maitrise\w*|connaissance\w*|experience (?:de|en|dans)|diplome\w*|imprescindible|requisito\w*|obligatorio|se requiere|necesari\w*|al menos|minimo|experiencia|conocimientos?|dominio|titulacion|titulo|il vous faut|vous avez|vous etes titulaire|vous justifiez|vous disposez|vous maitrisez|nous attendons|necesitamos|buscamos a alguien|buscamos una persona|que tengas|debes tener|deberas tener|es importante que|pedimos|sie haben|sie bringen|sie verfugen|sie sollten|sollten sie|beherrschen|notwendig|gehort (?:ebenfalls |auch )?dazu|(?:fit in|do well|thrive) (?:well |here )?if you\w*|wir erwarten|erwarten wir|setzen wir|du hast|du bringst)\b/;

// Sentences that describe the work, not the person: responsibilities, even in running text.
const DUTY_START =
  /^(?:(?:you will|youll|you'll)(?! (?:also )?(?:need|have|bring|hold|possess|fit in|do well|thrive|succeed|be a (?:good |great )?fit)\b)|in this role,? you|as (?:a|an|our) [\w\s-]{2,40}?,? you(?:'ll| will)|your (?:day|role|main|responsibilities)|responsible for|you (?:will )?(?:take|own|lead|build|design|drive|work|collaborate|help|join|report|manage|develop|support|deliver|create|partner|get to|play|shape|define|ensure|maintain|write|implement)\b|sie (?:werden|ubernehmen|arbeiten|entwickeln|betreuen|verantworten)|du (?:wirst|ubernimmst|arbeitest|entwickelst|betreust|verantwortest)|vous (?:serez|allez|aurez pour mission|travaillerez|participerez|developperez|prendrez)|tu (?:seras|vas)|seras responsable|formaras parte|te encargaras|trabajaras|desarrollaras|gestionaras|our |we (?:are (?!looking|seeking|searching|hiring)|offer|provide|build|work|value|believe)|the company|this role (?:is|will|offers))/;

// "X, ideally Y": the adverb qualifies only the clause after the comma; X stays a demand.
const QUALIFIED_CLAUSE =
  /,\s*(?:ideally|preferably|idealerweise|vorzugsweise|idealement|de preference|idealmente|preferentemente|preferiblemente)\b/;

/** True when a sentence says something is a nice-to-have ("a plus", "ideally", "von Vorteil"). */
export function hasNiceCue(folded: string): boolean {
  const text = folded.replace(/['’]/g, '');
  const qualified = QUALIFIED_CLAUSE.exec(text);
  if (qualified) return NICE_PHRASES.test(text.slice(0, qualified.index));
  return NICE_PHRASES.test(text);
}

/** True when a sentence states a demand ("required", "at least", "5+ years", "erforderlich"). */
export function hasMustCue(folded: string): boolean {
  return MUST_PHRASES.test(folded.replace(/['’]/g, ''));
}

/** True when a sentence describes the job's duties or the employer rather than the candidate. */
export function isDutyOrEmployerSentence(folded: string): boolean {
  return DUTY_START.test(folded.replace(/['’]/g, '').trim());
}
