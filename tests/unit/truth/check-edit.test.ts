import { describe, expect, it } from 'vitest';
import type { Cv } from '../../../shared/model/cv';
import { checkEdit, type FindingKind, type TruthFinding } from '../../../shared/truth';

const CV: Cv = {
  basics: {
    name: 'Sam Okafor',
    label: 'Senior Data Engineer',
    email: 'sam.okafor@example.org',
    phone: '+1 415 555 0134',
    url: 'https://samokafor.dev',
    summary: 'Senior data engineer with 7 years of experience in Python and SQL.',
    profiles: [{ network: 'GitHub', username: 'sokafor', url: 'https://github.com/sokafor' }],
  },
  work: [
    {
      id: 'w1',
      name: 'Acme Logistics',
      position: 'Senior Data Engineer',
      startDate: '2020-01',
      highlights: [
        'Led a team of 4 engineers building the routing data warehouse on Snowflake.',
        'Cut pipeline costs by 35% ($800K a year) by moving batch jobs to spot instances.',
        'Helped design the event schema for 12 warehouses.',
        'Contributed to the Kafka migration with the platform team.',
      ],
    },
    {
      id: 'w2',
      name: 'Globex Retail',
      position: 'Data Engineer',
      startDate: '2017-05',
      endDate: '2019-12',
      highlights: [
        'Built dbt models for clients including Initech and Vandelay Industries.',
        'Reduced report latency from 20 minutes to 90 seconds.',
      ],
    },
  ],
  education: [
    { institution: 'University of Toronto', studyType: 'BSc', area: 'Statistics', endDate: '2017' },
  ],
  certificates: [{ name: 'Google Cloud Professional Data Engineer', issuer: 'Google', date: '2022-02' }],
  skills: [{ name: 'Data', keywords: ['Python', 'SQL', 'Snowflake', 'dbt', 'Kafka', 'Airflow'] }],
};

const JOB =
  'Lead Data Engineer at Hooli. You will work with Terraform, BigQuery and Looker; experience with Spark is a plus.';

const bullet = (work: number, index: number): string => CV.work?.[work]?.highlights?.[index] ?? '';

function check(
  path: string,
  original: string,
  replacement: string,
  options: Partial<Parameters<typeof checkEdit>[0]> = {},
): TruthFinding[] {
  return checkEdit({ original, replacement, path, sourceCv: CV, jobText: JOB, ...options });
}

const kinds = (findings: TruthFinding[]): FindingKind[] => findings.map((finding) => finding.kind);

describe('checkEdit: general behaviour', () => {
  it('returns nothing when the text is unchanged', () => {
    expect(check('work[0].highlights[0]', bullet(0, 0), bullet(0, 0))).toEqual([]);
  });

  it('points the span at the offending text in the replacement', () => {
    const replacement = 'Led a team of 6 engineers building the routing data warehouse on Snowflake.';
    const [finding] = check('work[0].highlights[0]', bullet(0, 0), replacement);
    expect(replacement.slice(finding.span.start, finding.span.end)).toBe('6');
    expect(finding).toMatchObject({
      text: '6',
      original: bullet(0, 0),
      tailored: replacement,
      path: 'work[0].highlights[0]',
    });
  });

  it('marks numbers and dates for reverting and everything else for review', () => {
    const findings = check(
      'work[0].highlights[0]',
      bullet(0, 0),
      'Spearheaded a team of 6 engineers building the warehouse on BigTable in 2018.',
    );
    const severity = Object.fromEntries(findings.map((finding) => [finding.kind, finding.severity]));
    expect(severity).toMatchObject({ number: 'revert', date: 'revert', skill: 'review' });
  });
});

describe('checkEdit: numbers', () => {
  it('flags a changed headcount written as "team of N"', () => {
    expect(kinds(check('work[0].highlights[0]', bullet(0, 0), bullet(0, 0).replace('4', '7')))).toEqual([
      'number',
    ]);
  });

  it('flags a bare count after a verb such as "led 12 engineers"', () => {
    const findings = check(
      'work[0].highlights[0]',
      bullet(0, 0),
      'Led 12 engineers building the routing data warehouse on Snowflake.',
    );
    expect(findings.map((finding) => finding.text)).toEqual(['12']);
  });

  it('flags a spelled-out number that changed ("four" → "five")', () => {
    const findings = check(
      'work[0].highlights[0]',
      bullet(0, 0),
      'Led five engineers building the routing data warehouse on Snowflake.',
    );
    expect(findings.map((finding) => finding.text)).toEqual(['five']);
  });

  it('accepts the same number spelled out', () => {
    expect(
      check(
        'work[0].highlights[0]',
        bullet(0, 0),
        'Led four engineers to build the Snowflake routing data warehouse.',
      ),
    ).toEqual([]);
  });

  it('flags changed money and percentage but accepts their other spellings', () => {
    expect(
      check(
        'work[0].highlights[1]',
        bullet(0, 1),
        'Moved batch jobs to spot instances, cutting pipeline costs 35 percent ($800,000 annually).',
      ),
    ).toEqual([]);
    const findings = check(
      'work[0].highlights[1]',
      bullet(0, 1),
      'Cut pipeline costs by 38% ($0.9M a year) by moving batch jobs to spot instances.',
    );
    expect(findings.map((finding) => finding.text)).toEqual(['38%', '$0.9M']);
  });

  it("flags a number taken from another employer's entry", () => {
    const findings = check(
      'work[1].highlights[1]',
      bullet(1, 1),
      'Reduced report latency from 20 minutes to 90 seconds, cutting costs by 35%.',
    );
    expect(findings.map((finding) => finding.text)).toEqual(['35%']);
  });

  it('accepts a number taken from another bullet of the same entry', () => {
    expect(
      check(
        'work[0].highlights[2]',
        bullet(0, 2),
        'Helped design the event schema for 12 warehouses, part of the 35% cost cut.',
      ),
    ).toEqual([]);
  });

  it('lets the summary use numbers from anywhere in the CV', () => {
    const summary = CV.basics?.summary ?? '';
    expect(
      check(
        'basics.summary',
        summary,
        'Senior data engineer (7 years, Python and SQL) who cut pipeline costs by 35%.',
      ),
    ).toEqual([]);
  });

  it('flags a duration whose unit changed', () => {
    const findings = check(
      'work[1].highlights[1]',
      bullet(1, 1),
      'Reduced report latency from 20 minutes to 90 milliseconds.',
    );
    expect(findings.map((finding) => finding.text)).toEqual(['90 milliseconds']);
  });

  it('accepts a duration written in another unit of the same length', () => {
    expect(
      check('work[1].highlights[1]', bullet(1, 1), 'Reduced report latency from 20 minutes to 1.5 minutes.'),
    ).toEqual([]);
  });

  it('flags a rate whose period changed', () => {
    const findings = check(
      'work[0].highlights[1]',
      bullet(0, 1),
      'Cut pipeline costs by 35% ($800K a month) by moving batch jobs to spot instances.',
    );
    expect(kinds(findings)).toEqual(['number']);
    expect(findings[0].text).toBe('a month');
  });

  it('flags an added "more than" on an exact figure', () => {
    expect(
      kinds(check('work[0].highlights[1]', bullet(0, 1), bullet(0, 1).replace('35%', 'more than 35%'))),
    ).toEqual(['number']);
  });

  it('flags a new rank or multiplier', () => {
    expect(
      kinds(
        check(
          'work[1].highlights[1]',
          bullet(1, 1),
          'Made reports 13x faster, from 20 minutes to 90 seconds.',
        ),
      ),
    ).toEqual(['number']);
    expect(
      kinds(
        check(
          'work[0].highlights[2]',
          bullet(0, 2),
          'Helped design the event schema for 12 warehouses, the 1st in the company.',
        ),
      ),
    ).toEqual(['number']);
  });

  it('does not read digits of an email, phone or link as numbers', () => {
    const summary = CV.basics?.summary ?? '';
    expect(check('basics.summary', summary, `${summary} Reach me at +1 415 555 0134.`)).toEqual([]);
  });
});

describe('checkEdit: dates', () => {
  it('flags a year shifted by one', () => {
    const findings = check(
      'work[0].highlights[0]',
      bullet(0, 0),
      `Since 2019, ${bullet(0, 0).charAt(0).toLowerCase()}${bullet(0, 0).slice(1)}`,
    );
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([['date', '2019']]);
  });

  it("accepts the entry's own start year and month", () => {
    expect(
      check(
        'work[0].highlights[0]',
        bullet(0, 0),
        `Since January 2020, led a team of 4 engineers building the routing data warehouse on Snowflake.`,
      ),
    ).toEqual([]);
  });

  it('flags a changed locked date field', () => {
    expect(kinds(check('work[1].endDate', '2019-12', '2020-06'))).toEqual(['date']);
  });

  it('reads unicode dashes in date ranges like plain hyphens', () => {
    expect(
      check(
        'work[1].highlights[1]',
        bullet(1, 1),
        'Reduced report latency from 20 minutes to 90 seconds (2017–2019).',
      ),
    ).toEqual([]);
  });
});

describe('checkEdit: organisations', () => {
  it('flags a new client name after "for"', () => {
    const findings = check(
      'work[0].highlights[2]',
      bullet(0, 2),
      'Helped design the event schema for Umbrella Corp across 12 warehouses.',
    );
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([
      ['organisation', 'Umbrella Corp'],
    ]);
  });

  it('flags a client moved from another employer', () => {
    const findings = check(
      'work[0].highlights[2]',
      bullet(0, 2),
      'Helped design the event schema for 12 warehouses with Initech.',
    );
    expect(kinds(findings)).toEqual(['organisation']);
  });

  it('accepts a client the same entry names', () => {
    expect(
      check('work[1].highlights[0]', bullet(1, 0), 'Built dbt models for Initech and Vandelay Industries.'),
    ).toEqual([]);
  });

  it('flags a renamed employer field', () => {
    expect(kinds(check('work[0].name', 'Acme Logistics', 'Acme Logistics Inc'))).toEqual(['organisation']);
  });
});

describe('checkEdit: titles', () => {
  it('flags "Senior" becoming "Lead"', () => {
    const summary = CV.basics?.summary ?? '';
    const findings = check('basics.summary', summary, summary.replace('Senior', 'Lead'));
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([
      ['title', 'Lead data engineer'],
    ]);
  });

  it("flags the posting's title claimed as held", () => {
    const summary = CV.basics?.summary ?? '';
    expect(
      kinds(
        check('basics.summary', summary, `Lead Data Engineer with 7 years of experience in Python and SQL.`),
      ),
    ).toContain('title');
  });

  it('accepts a shorter form of a title the CV states', () => {
    const summary = CV.basics?.summary ?? '';
    expect(
      check('basics.summary', summary, 'Senior engineer with 7 years of experience in Python and SQL.'),
    ).toEqual([]);
  });

  it('flags a senior title inside an entry whose position is junior to it', () => {
    expect(
      kinds(
        check(
          'work[1].highlights[1]',
          bullet(1, 1),
          `As Senior Data Engineer, reduced report latency from 20 minutes to 90 seconds.`,
        ),
      ),
    ).toEqual(['title']);
  });

  it('flags a changed position field', () => {
    expect(kinds(check('work[0].position', 'Senior Data Engineer', 'Principal Data Engineer'))).toEqual([
      'title',
    ]);
  });
});

describe('checkEdit: degrees and institutions', () => {
  const summary = CV.basics?.summary ?? '';

  it("flags a master's degree when the CV has a bachelor's", () => {
    expect(kinds(check('basics.summary', summary, `${summary} MSc in Statistics.`))).toEqual(['degree']);
    expect(kinds(check('basics.summary', summary, `${summary} Holds a Master's degree.`))).toEqual([
      'degree',
    ]);
  });

  it("accepts the CV's own degree in another spelling", () => {
    expect(check('basics.summary', summary, `${summary} B.Sc. in Statistics.`)).toEqual([]);
  });

  it('flags a different field of study', () => {
    expect(kinds(check('basics.summary', summary, `${summary} BSc in Physics.`))).toEqual(['degree']);
  });

  it('flags an institution the CV does not name', () => {
    const findings = check('basics.summary', summary, `${summary} Graduate of McGill University.`);
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([
      ['institution', 'McGill University'],
    ]);
  });

  it("accepts the CV's institution", () => {
    expect(check('basics.summary', summary, `${summary} Graduate of the University of Toronto.`)).toEqual([]);
  });
});

describe('checkEdit: certifications', () => {
  const summary = CV.basics?.summary ?? '';

  it('flags a certificate the CV does not hold', () => {
    expect(kinds(check('basics.summary', summary, `AWS Certified ${summary}`))).toContain('certification');
  });

  it('flags a certification acronym', () => {
    expect(kinds(check('basics.summary', summary, `${summary} CISSP holder.`))).toEqual(['certification']);
  });

  it("accepts the CV's certificate named in a shorter form", () => {
    expect(
      check('basics.summary', summary, `${summary} Google Cloud certified Professional Data Engineer.`),
    ).toEqual([]);
  });

  it('flags a certificate the posting asks for', () => {
    expect(
      kinds(
        checkEdit({
          original: summary,
          replacement: `${summary} PMP certified.`,
          path: 'basics.summary',
          sourceCv: CV,
          jobText: 'PMP required',
        }),
      ),
    ).toEqual(['certification']);
  });
});

describe('checkEdit: skills', () => {
  it('flags a capitalised tool in neither the CV nor the posting', () => {
    const findings = check(
      'work[0].highlights[0]',
      bullet(0, 0),
      'Led a team of 4 engineers building the routing data warehouse on Snowflake and Kubernetes.',
    );
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([['skill', 'Kubernetes']]);
  });

  it('accepts a tool the posting names', () => {
    expect(
      check(
        'work[0].highlights[0]',
        bullet(0, 0),
        'Led a team of 4 engineers building the routing data warehouse on Snowflake with Terraform.',
      ),
    ).toEqual([]);
  });

  it('flags tools with dots, pluses and mixed case', () => {
    const findings = check(
      'work[1].highlights[0]',
      bullet(1, 0),
      'Built dbt models and Node.js services in C++ and PySpark for clients including Initech and Vandelay Industries.',
    );
    expect(findings.map((finding) => finding.text)).toEqual(['Node.js', 'C++', 'PySpark']);
  });

  it('flags a lower-case tool', () => {
    expect(
      kinds(check('work[1].highlights[0]', bullet(1, 0), `${bullet(1, 0)} Deployed with docker.`)),
    ).toEqual(['skill']);
  });

  it('asks the skills dictionary about words it cannot tell', () => {
    const knownSkills = (term: string) => term.toLowerCase() === 'flink';
    const replacement = `${bullet(1, 0)} Streamed with flink.`;
    expect(kinds(check('work[1].highlights[0]', bullet(1, 0), replacement, { knownSkills }))).toEqual([
      'skill',
    ]);
  });

  it('accepts an alias of a skill the CV has', () => {
    const replacement = 'Built dbt models on Postgres for clients including Initech and Vandelay Industries.';
    expect(
      check('work[1].highlights[0]', bullet(1, 0), replacement, {
        sourceCv: { ...CV, skills: [{ keywords: ['PostgreSQL'] }] },
      }),
    ).toEqual([]);
    const skillAliases = (term: string) => (term === 'BQ' ? ['BigQuery'] : []);
    expect(
      check('work[1].highlights[0]', bullet(1, 0), `${bullet(1, 0)} Loaded into BQ.`, { skillAliases }),
    ).toEqual([]);
  });

  it('checks each new term of a skills list', () => {
    const findings = check(
      'skills[0].keywords',
      'Python, SQL, Snowflake, dbt, Kafka, Airflow',
      '["Python", "Terraform", "Rust", "SQL"]',
    );
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([['skill', 'Rust']]);
  });

  it('ignores a crashing dictionary instead of failing the check', () => {
    const knownSkills = () => {
      throw new Error('dictionary unavailable');
    };
    expect(
      check('work[0].highlights[0]', bullet(0, 0), bullet(0, 0).replace('Led', 'Headed'), { knownSkills }),
    ).toEqual([]);
  });
});

describe('checkEdit: contact details', () => {
  const summary = CV.basics?.summary ?? '';

  it('flags an email, a phone number, a link and a handle that are not in the CV', () => {
    const replacement = `${summary} Contact sam@okafor.io, +1 415 555 0199, https://okafor.io or @samdata.`;
    expect(kinds(check('basics.summary', summary, replacement))).toEqual([
      'contact',
      'contact',
      'contact',
      'contact',
    ]);
  });

  it("accepts the CV's own contact details in another form", () => {
    const replacement = `${summary} Contact SAM.OKAFOR@example.org or (415) 555-0134; code at github.com/sokafor.`;
    expect(check('basics.summary', summary, replacement)).toEqual([]);
  });

  it('flags any change of a locked contact field', () => {
    expect(kinds(check('basics.email', 'sam.okafor@example.org', 'sam@example.org'))).toEqual(['contact']);
  });
});

describe('checkEdit: scope', () => {
  it('flags "contributed to" becoming "led"', () => {
    const findings = check(
      'work[0].highlights[3]',
      bullet(0, 3),
      'Led the Kafka migration with the platform team.',
    );
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([['scope', 'Led']]);
  });

  it('flags a dropped "helped"', () => {
    expect(
      kinds(check('work[0].highlights[2]', bullet(0, 2), 'Designed the event schema for 12 warehouses.')),
    ).toEqual(['scope']);
  });

  it('flags "the team I managed"', () => {
    expect(
      kinds(
        check(
          'work[0].highlights[3]',
          bullet(0, 3),
          'Contributed to the Kafka migration with the platform team I managed.',
        ),
      ),
    ).toEqual(['scope']);
  });

  it('flags a co-led piece of work presented as led', () => {
    const sourceCv: Cv = { work: [{ name: 'Acme', highlights: ['Co-led the billing rewrite.'] }] };
    const findings = checkEdit({
      original: 'Co-led the billing rewrite.',
      replacement: 'Led the billing rewrite.',
      path: 'work[0].highlights[0]',
      sourceCv,
    });
    expect(kinds(findings)).toEqual(['scope']);
  });

  it('accepts one leadership verb for another', () => {
    expect(
      check(
        'work[0].highlights[0]',
        bullet(0, 0),
        'Headed a team of 4 engineers that built the routing data warehouse on Snowflake.',
      ),
    ).toEqual([]);
  });

  it('accepts a modest verb swapped for a modest synonym', () => {
    expect(
      check('work[0].highlights[3]', bullet(0, 3), 'Supported the platform team in migrating to Kafka.'),
    ).toEqual([]);
  });
});

describe('checkEdit: claims', () => {
  const summary = CV.basics?.summary ?? '';

  it('flags self-praise that states an award or a rank', () => {
    expect(kinds(check('basics.summary', summary, `Award-winning ${summary.toLowerCase()}`))).toEqual([
      'claim',
    ]);
    expect(kinds(check('basics.summary', summary, `${summary} Built a world-class data platform.`))).toEqual([
      'claim',
    ]);
  });

  it('accepts a claim the CV itself makes', () => {
    const sourceCv: Cv = { ...CV, awards: [{ title: 'Data Team Award', awarder: 'Acme Logistics' }] };
    const replacement = `Award-winning ${summary.toLowerCase()}`;
    expect(checkEdit({ original: summary, replacement, path: 'basics.summary', sourceCv })).toEqual([]);
  });
});

describe('checkEdit: claims belong to their entry', () => {
  it("does not let an award of one job make another job's work award-winning", () => {
    const sourceCv: Cv = {
      ...CV,
      work: [
        { ...CV.work?.[0], highlights: [...(CV.work?.[0].highlights ?? []), 'Won the company hack award.'] },
        ...(CV.work ?? []).slice(1),
      ],
    };
    const replacement =
      'Built award-winning dbt models for clients including Initech and Vandelay Industries.';
    const findings = checkEdit({
      original: bullet(1, 0),
      replacement,
      path: 'work[1].highlights[0]',
      sourceCv,
    });
    expect(kinds(findings)).toEqual(['claim']);
  });
});

describe('checkEdit: hostile rewrites', () => {
  it('catches several inventions in one sentence', () => {
    const replacement =
      'Single-handedly led a team of 9 engineers at Umbrella Corp building an award-winning warehouse on Kubernetes in 2016.';
    const found = new Set(kinds(check('work[0].highlights[0]', bullet(0, 0), replacement)));
    expect([...found].sort()).toEqual(['claim', 'date', 'number', 'organisation', 'scope', 'skill']);
  });

  it('is not fooled by a number hidden in a word form', () => {
    expect(
      kinds(
        check(
          'work[0].highlights[2]',
          bullet(0, 2),
          'Helped design the event schema for a dozen and a half warehouses.',
        ),
      ),
    ).toContain('number');
  });

  it('is not fooled by fullwidth or non-breaking characters', () => {
    expect(kinds(check('work[0].highlights[0]', bullet(0, 0), bullet(0, 0).replace('4', '\uFF16')))).toEqual([
      'number',
    ]);
  });

  it('handles empty and whitespace-only replacements without findings', () => {
    expect(check('work[0].highlights[0]', bullet(0, 0), '')).toEqual([]);
    expect(check('work[0].highlights[0]', bullet(0, 0), '   ')).toEqual([]);
  });

  it('checks a new bullet against its entry only', () => {
    expect(kinds(check('work[1].highlights[2]', '', 'Cut pipeline costs by 35%.'))).toEqual(['number']);
    expect(check('work[0].highlights[4]', '', 'Cut pipeline costs by 35%.')).toEqual([]);
  });
});
