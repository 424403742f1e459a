import type { z } from 'zod';
import type { CatalogEditionSchema } from '../schema';

/**
 * MSC edition MSC-2019-11: the CTPAT Minimum Security Criteria as finalised by CBP in November 2019, for
 * U.S. Importers (IMP), U.S. Highway Carriers (HC) and Foreign Manufacturers (FM).
 *
 * Every summary and sub-requirement is our own paraphrase, not CBP's text. Rows come from the domain fact sheets
 * ctpat-facts.md §5.1 (importers) and ctpat-facts-carriers-manufacturers.md (HC, FM), kept outside this repo.
 * How the fields are used and why rows are marked unverified: shared/catalog/FORMAT.md.
 * S1–S14 in the comments below are the sources listed in ctpat-facts-carriers-manufacturers.md.
 *
 * Criteria per entity: IMP 93, HC 98, FM 97 (98 IDs in all).
 * No IDs are invented for the unconfirmed carrier ranges 5.9–5.13, 5.17–5.23 and 5.25–5.28, and 8.2 is left out.
 *
 * Published editions are immutable: to correct a row, publish a new edition rather than editing this one.
 */
export const msc201911Edition = {
  formatVersion: 1,
  id: 'MSC-2019-11',
  title: 'CTPAT Minimum Security Criteria — November 2019 final',
  publishedOn: '2019-11-27',
  entityTypes: ['IMP', 'HC', 'FM'],
  focusAreas: [
    { id: 'CORP', name: 'Corporate Security' },
    { id: 'TRAN', name: 'Transportation Security' },
    { id: 'PEOP', name: 'People and Physical Security' },
  ],
  categories: [
    { number: 1, name: 'Security Vision & Responsibility', focusArea: 'CORP' },
    { number: 2, name: 'Risk Assessment', focusArea: 'CORP' },
    { number: 3, name: 'Business Partners', focusArea: 'CORP' },
    { number: 4, name: 'Cybersecurity', focusArea: 'CORP' },
    { number: 5, name: 'Conveyance & Instruments of International Traffic Security', focusArea: 'TRAN' },
    { number: 6, name: 'Seal Security', focusArea: 'TRAN' },
    { number: 7, name: 'Procedural Security', focusArea: 'TRAN' },
    { number: 8, name: 'Agricultural Security', focusArea: 'TRAN' },
    { number: 9, name: 'Physical Security', focusArea: 'PEOP' },
    { number: 10, name: 'Physical Access Controls', focusArea: 'PEOP' },
    { number: 11, name: 'Personnel Security', focusArea: 'PEOP' },
    { number: 12, name: 'Education, Training & Awareness', focusArea: 'PEOP' },
  ],
  criteria: [
    // ── 1. Security Vision & Responsibility ──
    {
      id: '1.1',
      category: 1,
      level: 'SHOULD',
      summary:
        'A senior company official signs a statement backing supply-chain security and CTPAT, and it is displayed at company sites.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Post a statement of support for supply-chain security, signed by a senior official, where employees can see it.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '1.2',
      category: 1,
      level: 'SHOULD',
      summary:
        "Security is everyone's job: a cross-functional team leads it and security steps are built into existing procedures.",
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Form a security team with people from the relevant departments, and fold security measures into existing company procedures.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '1.3',
      category: 1,
      level: 'MUST',
      summary:
        'The security program has a written review (audit) component and is updated as risks and operations change.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Document a periodic review or audit of the security program and update the program when risks or operations change.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '1.4',
      category: 1,
      level: 'MUST',
      summary: "The company's CTPAT points of contact understand the program and keep upper management informed.",
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Points of contact know the CTPAT requirements and brief upper management on program issues, progress and results.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 2. Risk Assessment ──
    {
      id: '2.1',
      category: 2,
      level: 'MUST',
      summary:
        'A documented overall risk assessment identifies supply-chain threats and vulnerabilities and the measures that mitigate them.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: "Carry out and document an overall supply-chain risk assessment of threats, vulnerabilities and mitigations (CBP's five-step method is the reference).",
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // Level: the facts docs mark 2.2 as mixed, but its level is an open question (ctpat-facts.md §7).
    {
      id: '2.2',
      category: 2,
      level: 'MIXED',
      summary:
        'The international part of the risk assessment traces how cargo moves from origin to distribution, including partners, modes and stops.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Document the international portion of the risk assessment, following the cargo from its point of origin to the distribution centre.',
        },
        {
          key: 'b',
          level: 'SHOULD',
          text: 'The cargo-flow map names every partner involved, each mode of transport and each point where the cargo is at rest.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'M',
      verified: false,
    },
    {
      id: '2.3',
      category: 2,
      level: 'MUST',
      summary: 'The risk assessment is reviewed at least once a year and updated when needed.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Review the risk assessment at least annually, or more often when risk factors change, and update it as needed.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '2.4',
      category: 2,
      level: 'SHOULD',
      summary: 'Written crisis-management, business-continuity and recovery plans are in place.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Keep written plans for crisis management, business continuity, security recovery and resumption of business.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 3. Business Partners ──
    {
      id: '3.1',
      category: 3,
      level: 'MIXED',
      summary:
        'Partners are screened and monitored through a written, risk-based process; checks for money-laundering and terror-financing signs are advised.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Have a written, risk-based process for screening new business partners and monitoring existing ones.',
        },
        {
          key: 'b',
          level: 'SHOULD',
          text: 'Include checks for indicators of money laundering and terrorism financing in the partner screening.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '3.4',
      category: 3,
      level: 'MUST',
      summary:
        'Partner screening considers CTPAT or MRA/AEO certification; proof of that status is kept and monitored.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'When screening partners, check for CTPAT or MRA-recognised AEO certification, keep evidence of it and keep monitoring it.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '3.5',
      category: 3,
      level: 'MUST',
      summary:
        'Due diligence such as visits or questionnaires confirms that partners doing outsourced work meet the MSC.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'For outsourced supply-chain work, use documented due diligence (site visits, questionnaires) to confirm partners meet the MSC.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '3.6',
      category: 3,
      level: 'MUST',
      summary: 'Security weaknesses found at business partners are corrected promptly, and the fixes are documented.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Have partner weaknesses corrected as quickly as possible and keep documentation showing the mitigation was carried out.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '3.7',
      category: 3,
      level: 'SHOULD',
      summary: "Partner security assessments are refreshed periodically or when a partner's risk changes.",
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Update security assessments of business partners on a regular schedule, or sooner when circumstances or risk change.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // HC and FM only (not importers). ID from S9 only. The HC source adds that the contract should require MSC
    // compliance; if CBP's text confirms that, 3.8 becomes MIXED.
    {
      id: '3.8',
      category: 3,
      level: 'MUST',
      summary:
        'U.S.-bound truck moves are subcontracted only to CTPAT-certified highway carriers or to carriers under a direct written contract.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Subcontract U.S.-bound highway carriage only to CTPAT-certified highway carriers or carriers bound by a direct written contract.',
        },
      ],
      appliesTo: ['HC', 'FM'],
      scope: 'SPECIFIC',
      confidence: 'M',
      verified: false,
    },
    // HC: the carriers/manufacturers doc (§1c) thinks this is probably not for carriers, which make no goods (L);
    // kept for HC, unverified.
    {
      id: '3.9',
      category: 3,
      level: 'SHOULD',
      summary: 'A social-compliance program addresses how the company keeps forced labour out of the goods it handles.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Keep a documented social-compliance program covering, at least, how the company makes sure U.S.-bound goods are not made with forced labour.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    // ── 4. Cybersecurity ──
    {
      id: '4.1',
      category: 4,
      level: 'MUST',
      summary: 'A comprehensive written cybersecurity policy and procedures cover every criterion in this category.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Maintain written cybersecurity policies and procedures that address all of the cybersecurity criteria.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.2',
      category: 4,
      level: 'MUST',
      summary:
        'IT is defended with anti-malware, firewalls or intrusion detection, patching, social-engineering defences and data/IT recovery.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Keep malware and intrusion defences current, apply security patches, guard against social engineering, and be able to restore data and IT systems.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.3',
      category: 4,
      level: 'MUST',
      summary: 'IT infrastructure is tested for security weaknesses regularly, and problems found are fixed.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Test the security of the IT infrastructure regularly (for example vulnerability scans) and remediate what the tests find.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.4',
      category: 4,
      level: 'SHOULD',
      summary: 'A policy governs sharing cyber-threat information with government and business partners.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Have a policy for sharing information on cybersecurity threats with government and other business partners.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.5',
      category: 4,
      level: 'MUST',
      summary: 'Unauthorised access, system misuse or tampering with data is detected, and violators are disciplined.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Put in place a way to detect unauthorised IT access, improper use of systems or tampering with business data, and discipline violators.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.6',
      category: 4,
      level: 'MUST',
      summary: 'Cybersecurity policies and procedures are reviewed at least once a year.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Review cybersecurity policies and procedures at least annually, or more often when risk requires, and update them.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.7',
      category: 4,
      level: 'MUST',
      summary: 'System access is based on job role, reviewed periodically and removed when people leave.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Grant IT access by job role, review access rights periodically, and remove access when an employee leaves.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.8',
      category: 4,
      level: 'MUST',
      summary:
        'Every user has an individual account protected by a strong password, passphrase or multi-factor authentication.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Give each user an individual account (no shared log-ins) secured by strong passwords, passphrases or multi-factor authentication.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.9',
      category: 4,
      level: 'MUST',
      summary:
        'Remote connections to company systems are secured (e.g. VPN) and unauthorised remote users are blocked.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Use secure technology such as a VPN for remote access, with controls that keep unauthorised remote users out.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.10',
      category: 4,
      level: 'MUST',
      summary: "Personal devices used for company work follow the company's cybersecurity policies.",
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: "Where staff may use personal devices for company work, those devices are bound by the company's cybersecurity policies and procedures.",
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.11',
      category: 4,
      level: 'SHOULD',
      summary: 'Measures keep counterfeit or improperly licensed technology out of company systems.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Guard against counterfeit or unlicensed software and hardware in company systems.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.12',
      category: 4,
      level: 'SHOULD',
      summary: 'Data is backed up regularly (weekly or as appropriate) and sensitive information is encrypted.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Back up data weekly or at another suitable interval, and encrypt sensitive or confidential information.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '4.13',
      category: 4,
      level: 'MUST',
      summary:
        'IT media and hardware are inventoried and sanitised to a recognised standard (such as NIST) at disposal.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: "Keep an inventory of IT media and hardware, and sanitise or destroy it at disposal following recognised guidance such as NIST's.",
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 5. Conveyance & Instruments of International Traffic Security ──
    {
      id: '5.1',
      category: 5,
      level: 'MUST',
      summary:
        'Conveyances and instruments of international traffic (IIT) are stored securely against unauthorised access.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Store conveyances and IIT in a secure area that prevents unauthorised access and tampering.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '5.2',
      category: 5,
      level: 'MUST',
      summary: 'Written procedures cover both security and agricultural inspections of conveyances and IIT.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Document the procedures for security and agricultural inspections of conveyances and IIT.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // The HC reading (17-point tractor/trailer check) comes from one secondary source (S8); the ID and its importer
    // text are confirmed.
    {
      id: '5.3',
      category: 5,
      level: 'MUST',
      summary:
        'Conveyances and empty IIT get systematic security and agricultural inspections at loading and on entering or leaving storage yards.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Inspect conveyances and empty IIT systematically at the point of loading or stuffing and at storage yards, for hidden compartments, tampering and visible pests.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
      entityGuidance: {
        IMP: 'Importers: 7-point inspection of empty containers/ULDs (8-point for refrigerated units, adding the fan housing), plus the 17-point tractor/trailer inspection where trucks are used.',
        HC: 'Highway carriers: 17-point inspection of the tractor (7 points) and trailer (10 points) at pickup and before each border crossing, including a check for visible pests.',
        FM: 'Foreign manufacturers: 7-point inspection of empty containers (8-point for refrigerated units, adding the fan housing), plus the 17-point tractor/trailer inspection where trucks are used.',
      },
      checklists: ['CONTAINER_7_POINT', 'TRACTOR_TRAILER_17_POINT'],
    },
    {
      id: '5.4',
      category: 5,
      level: 'MUST',
      summary:
        'External hardware resists tampering, and every part of the locking mechanism is checked before a seal is applied.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Check doors, handles, rods, hasps, rivets and brackets, and all other parts of the locking mechanism, for tampering before sealing.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '5.5',
      category: 5,
      level: 'SHOULD',
      summary:
        'Each inspection is recorded on a checklist noting the IIT number, date, time, inspector and areas checked.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Record inspections on a checklist showing IIT number, date, time, inspector and areas inspected; the checklist travels with the shipping documents.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '5.6',
      category: 5,
      level: 'SHOULD',
      summary: 'Inspections take place in access-controlled areas, monitored by CCTV where available.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Carry out inspections in an area with controlled access and, where available, camera monitoring.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // Confidence M: the one-year retention comes from one source.
    {
      id: '5.7',
      category: 5,
      level: 'MUST',
      summary: 'Visible pest contamination is removed by washing or vacuuming, and the records are kept for a year.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Wash or vacuum away visible pest contamination found on conveyances or IIT and keep records of it for one year.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'M',
      verified: false,
    },
    {
      id: '5.8',
      category: 5,
      level: 'SHOULD',
      summary: 'Management makes random, risk-based re-inspections of conveyances after the routine inspection.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Have management search conveyances again at random, based on risk, after the regular inspection has been done.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '5.14',
      category: 5,
      level: 'SHOULD',
      summary:
        'The company works with its carriers to track conveyances from origin to destination and writes these duties into contracts.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Agree with carriers how conveyances are tracked from origin to final destination, and put the tracking requirements in carrier contracts.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // HC and FM only. Wording is shipper-facing; HC applicability is L in the carriers/manufacturers doc.
    {
      id: '5.15',
      category: 5,
      level: 'SHOULD',
      summary: "Shippers can follow their loads through log-in access to the carrier's GPS fleet-tracking system.",
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: "The shipper has log-in access to the carrier's GPS fleet-tracking system for its own shipments.",
        },
      ],
      appliesTo: ['HC', 'FM'],
      scope: 'SPECIFIC',
      confidence: 'M',
      verified: false,
      entityGuidance: {
        FM: "Foreign manufacturers: obtain log-in access to your carriers' GPS tracking and use it to follow your loads.",
        HC: 'Highway carriers: give shippers log-in access to your GPS fleet tracking for their loads.',
      },
    },
    // HC and FM only (land-border item); ID from S9 only.
    {
      id: '5.16',
      category: 5,
      level: 'SHOULD',
      summary: 'Loads travelling close to the U.S. land border follow a policy of no unscheduled stops.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Apply a no-stop policy to shipments near the U.S. land border, apart from scheduled or emergency stops.',
        },
      ],
      appliesTo: ['HC', 'FM'],
      scope: 'SPECIFIC',
      confidence: 'M',
      verified: false,
    },
    // HC and FM only (land-border item); ID from S9 only.
    {
      id: '5.24',
      category: 5,
      level: 'SHOULD',
      summary:
        'In high-risk areas and just before the border crossing, trained staff make a last-chance check of truck and seal (VVTT).',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Have trained people do a last-chance inspection of the conveyance and a VVTT seal check in high-risk areas and right before the border.',
        },
      ],
      appliesTo: ['HC', 'FM'],
      scope: 'SPECIFIC',
      confidence: 'M',
      verified: false,
    },
    {
      id: '5.29',
      category: 5,
      level: 'MUST',
      summary:
        'Business partners and law enforcement are alerted quickly about credible or detected threats to a shipment.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Warn affected supply-chain partners and the relevant law-enforcement agencies as soon as possible about a credible or detected security threat.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 6. Seal Security ──
    {
      id: '6.1',
      category: 6,
      level: 'MUST',
      summary:
        'Detailed written seal-control procedures cover the facility and transit and are reviewed at least yearly.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Keep written high-security seal procedures (access, storage, inventory, issue, seal log, who may affix, transit checks, discrepancies) and review them annually.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '6.2',
      category: 6,
      level: 'MUST',
      summary:
        'Every shipment that can be sealed gets an ISO 17712 high-security seal immediately after stuffing or loading.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Apply an ISO 17712 high-security seal (bolt or cable) to every sealable shipment straight after stuffing or loading.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // Highway-carrier family only (tagged HC/LH/3PL in CBP's seals deck, S7). This edition carries no LHC or 3PL.
    {
      id: '6.3',
      category: 6,
      level: 'MUST',
      summary:
        'For LTL or consolidated pickups, a high-security padlock protects the load and an ISO 17712 seal goes on at the last stop before the border.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Secure LTL, milk-run or consolidated loads with at least a high-security padlock during pickups when no consolidation centre is used.',
        },
        {
          key: 'b',
          level: 'MUST',
          text: 'Apply an ISO 17712 seal at the final loading point before the border crossing.',
        },
        { key: 'c', level: 'MUST', text: 'Strictly control who can obtain the lock keys or combinations.' },
      ],
      appliesTo: ['HC'],
      scope: 'HC_LH_3PL',
      confidence: 'H',
      verified: true,
    },
    {
      id: '6.5',
      category: 6,
      level: 'MUST',
      summary: 'Members that hold seal stock document that their seals meet the current ISO 17712 standard.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: "Keep documentation (for example the manufacturer's certificate) showing the seals in inventory meet the current ISO 17712.",
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '6.6',
      category: 6,
      level: 'MUST',
      summary:
        'Seal audits, such as inventory counts and reconciliation with seal logs and documents, are carried out and documented.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Audit seals periodically by counting inventory and reconciling it with the seal log and shipping documents, and document each audit.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '6.7',
      category: 6,
      level: 'MUST',
      summary: 'Seals are verified with the VVTT method: view, verify the number, tug, and twist and turn.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Verify seals with VVTT: view seal and locks, verify the number against documents, tug the seal, twist and turn the bolt.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
      checklists: ['SEAL_VVTT'],
    },
    // ── 7. Procedural Security ──
    {
      id: '7.1',
      category: 7,
      level: 'MUST',
      summary: 'Cargo staged overnight or for long periods is secured against unauthorised access.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Protect cargo kept in staging areas overnight or for extended periods from unauthorised access.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '7.2',
      category: 7,
      level: 'MUST',
      summary: 'Cargo staging areas and their surroundings are inspected regularly to keep them free of pests.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Inspect cargo staging areas and the areas around them regularly so they stay free of visible pest contamination.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // HC: the carriers/manufacturers doc (§1c) thinks this is probably not for carriers, which rarely stuff (L);
    // kept for HC, unverified.
    {
      id: '7.4',
      category: 7,
      level: 'SHOULD',
      summary: 'Loading and stuffing of cargo is overseen by a designated supervisor or security officer.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Have a designated supervisor or security officer oversee the loading and stuffing of cargo.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    // HC: the carriers/manufacturers doc (§1c) thinks this is probably shipper-side, though a carrier may
    // photograph seals at pickup (L); kept for HC, unverified.
    {
      id: '7.5',
      category: 7,
      level: 'SHOULD',
      summary: 'Photos of the applied seal are taken at stuffing and sent on to the destination for checking.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Photograph the seal at the point of stuffing and forward the pictures electronically to the destination for verification.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    {
      id: '7.6',
      category: 7,
      level: 'MUST',
      summary:
        'Data used to clear cargo is legible, complete, accurate, protected from tampering and submitted on time.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Make sure the information used for cargo clearance is legible, complete, accurate, protected against change or loss, and reported on time.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '7.7',
      category: 7,
      level: 'SHOULD',
      summary: 'Paper shipping and trade documents are kept secure.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Keep paper shipping and trade documents secure against unauthorised access and alteration.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '7.8',
      category: 7,
      level: 'MUST',
      summary: 'Bills of lading and manifests are accurate and submitted on time.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Make sure bills of lading and manifests truly reflect the shipment and are filed on time.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ID not confirmed for any entity (ctpat-facts.md §5.1, §7); absent from the FM-shaped source S9. Placeholder,
    // unverified.
    {
      id: '7.10',
      category: 7,
      level: 'MUST',
      summary: 'Shipping documents are reviewed to spot suspicious shipments before they move.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Review shipping documents and data for signs of a suspicious shipment, and escalate anything suspicious.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'L',
      verified: false,
    },
    {
      id: '7.23',
      category: 7,
      level: 'MUST',
      summary:
        'Written procedures say how security incidents are reported and escalated, with current contacts for the SCSS, port, police and partners.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Keep written incident-reporting and escalation procedures, with an up-to-date contact list covering the SCSS, port authorities, law enforcement and partners.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '7.24',
      category: 7,
      level: 'MUST',
      summary: 'Staff challenge unidentified or unauthorised people and have them removed.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Have procedures for identifying, challenging and removing unauthorised or unidentified persons.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '7.25',
      category: 7,
      level: 'SHOULD',
      summary: 'An anonymous channel lets anyone report security concerns, and every allegation is looked into.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Offer a way to report security issues anonymously, and investigate the allegations received.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '7.27',
      category: 7,
      level: 'MUST',
      summary: 'Cargo shortages, overages and other anomalies are investigated and resolved.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Investigate and resolve shortages, overages and other significant discrepancies or anomalies in cargo.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // HC: the carriers/manufacturers doc (§1c) thinks this is probably shipper-side only (L); kept for HC,
    // unverified.
    {
      id: '7.28',
      category: 7,
      level: 'SHOULD',
      summary: 'Arriving cargo is reconciled with the manifest, and departing cargo with purchase or delivery orders.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Reconcile arriving cargo against the cargo manifest and departing cargo against purchase or delivery orders.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    // HC: the carriers/manufacturers doc (§1c) thinks this is probably shipper-side only (L); kept for HC,
    // unverified.
    {
      id: '7.29',
      category: 7,
      level: 'SHOULD',
      summary: 'The seal number is sent to the consignee before the shipment leaves.',
      requirements: [
        { key: 'a', level: 'SHOULD', text: 'Send the seal number to the consignee before the shipment departs.' },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    // HC: the carriers/manufacturers doc (§1c) thinks this is probably shipper-side only (L); kept for HC,
    // unverified.
    {
      id: '7.30',
      category: 7,
      level: 'SHOULD',
      summary: 'The seal number is printed on the bill of lading or other shipping documents.',
      requirements: [
        { key: 'a', level: 'SHOULD', text: 'Print the seal number on the bill of lading or other shipping documents.' },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    // Added for all entities in the Nov 2019 final (CSMS #41052241).
    {
      id: '7.37',
      category: 7,
      level: 'MUST',
      summary:
        'When a security incident becomes known, the member starts and documents its own internal investigation without delay.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Open an internal investigation as soon as the company learns of a security incident, and document it.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 8. Agricultural Security ──
    {
      id: '8.1',
      category: 8,
      level: 'MUST',
      summary:
        'Written procedures prevent visible pest contamination throughout the supply chain, including ISPM 15 compliance for wood packaging.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Keep written procedures, applied across the supply chain, to prevent visible pest contamination, including ISPM 15 rules for wood packaging material.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 9. Physical Security ──
    {
      id: '9.1',
      category: 9,
      level: 'MUST',
      summary:
        'Cargo handling and storage areas, yards and offices have physical barriers or deterrents against unauthorised entry.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Protect cargo handling and storage facilities, trailer yards and offices with physical barriers or deterrents against unauthorised access.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // FM: absent from the only FM-shaped source (S9, carriers/manufacturers doc §2b); kept for FM, unverified. Its
    // absence there is surprising for a factory.
    {
      id: '9.2',
      category: 9,
      level: 'SHOULD',
      summary: 'Perimeter and interior fencing is inspected regularly and repaired when damaged.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Enclose cargo areas with perimeter and interior fencing, inspect it regularly for integrity and repair any damage.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    {
      id: '9.4',
      category: 9,
      level: 'MUST',
      summary: 'Gates used by vehicles or people are staffed or monitored.',
      requirements: [
        { key: 'a', level: 'MUST', text: 'Man or monitor every gate through which vehicles or people enter or leave.' },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.5',
      category: 9,
      level: 'SHOULD',
      summary: 'Private vehicles are kept away from cargo handling areas and conveyances.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Do not let private passenger vehicles park in or next to cargo handling and storage areas or conveyances.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.6',
      category: 9,
      level: 'MUST',
      summary: 'Entrances, exits, cargo handling and storage areas and parking areas are adequately lit.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Provide adequate lighting inside and outside the facility, including entrances, exits, cargo areas and parking areas.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.7',
      category: 9,
      level: 'SHOULD',
      summary: 'Security technology such as cameras and alarms monitors the premises and deters intrusion.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Use security technology to monitor the premises and prevent unauthorised access to sensitive areas.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.8',
      category: 9,
      level: 'MUST',
      summary:
        'A written policy covers use, maintenance, testing and protection of security technology, including controls on off-site monitoring.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Keep a written policy on using, maintaining, testing and protecting security technology, with controls for any remote or contracted monitoring.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.9',
      category: 9,
      level: 'SHOULD',
      summary: 'Security technology is installed by licensed or certified providers.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Use licensed or certified resources to design and install security technology.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.10',
      category: 9,
      level: 'MUST',
      summary: 'The infrastructure behind the security technology is physically protected from unauthorised access.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Physically secure the equipment and infrastructure that run security technology against unauthorised access.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.11',
      category: 9,
      level: 'SHOULD',
      summary: 'Security systems have backup power so they keep working during outages.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Provide an alternative power source so security technology keeps running if the main power fails.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.12',
      category: 9,
      level: 'SHOULD',
      summary: 'Cameras and alarm systems watch over the premises and sensitive areas.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Use cameras and alarms to monitor the premises and deter unauthorised access to sensitive areas.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // Level: the facts table labels 9.13 Must but its own summary says 24/7 recording is only recommended, so it is
    // modelled as MIXED. Unverified until checked.
    {
      id: '9.13',
      category: 9,
      level: 'MIXED',
      summary:
        'Cameras cover the key areas of the import/export process; recording at the best available quality and around the clock is advised.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Position cameras to cover the areas of the facility that matter to the import/export process.',
        },
        {
          key: 'b',
          level: 'SHOULD',
          text: 'Record at the highest picture quality reasonably available, 24 hours a day, 7 days a week.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    {
      id: '9.14',
      category: 9,
      level: 'SHOULD',
      summary: 'An alarm or notification warns when cameras stop working or recording.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Set up an alarm or notification that signals when a camera fails or stops recording.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.15',
      category: 9,
      level: 'MUST',
      summary: 'Camera footage is reviewed at random intervals, and the reviews are written up and kept.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Review camera recordings periodically and at random, and keep a written record of each review and its findings.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '9.16',
      category: 9,
      level: 'SHOULD',
      summary: 'Camera recordings are kept long enough to support an investigation.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Retain camera footage long enough to be available for an investigation into a shipment.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 10. Physical Access Controls ──
    {
      id: '10.1',
      category: 10,
      level: 'MUST',
      summary:
        'Written procedures govern issuing, changing and withdrawing badges and keys; access matches job role and ends on departure.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Keep written procedures for issuing, changing and removing ID badges and access devices; limit access by role and withdraw it when people leave.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '10.2',
      category: 10,
      level: 'MIXED',
      summary: 'Visitors show photo ID and are recorded in a visitor log; temporary badges and escorts are advised.',
      requirements: [
        { key: 'a', level: 'MUST', text: 'Check photo identification from every visitor on arrival.' },
        {
          key: 'b',
          level: 'MUST',
          text: 'Keep a visitor log recording date, visitor name, ID verification, arrival time, company contact and departure time.',
        },
        { key: 'c', level: 'SHOULD', text: 'Give visitors a temporary badge to display while on site.' },
        { key: 'd', level: 'SHOULD', text: 'Escort visitors while they are on the premises.' },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '10.3',
      category: 10,
      level: 'MUST',
      summary: 'Drivers delivering or collecting cargo are positively identified with government or carrier photo ID.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Positively identify drivers delivering or picking up cargo with a government-issued (or carrier-issued) photo ID before admitting them.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // The facts docs confirm 10.4 is mixed; the split between a-b (Must) and c (Should) is our reading, to check
    // against the PDF.
    {
      id: '10.4',
      category: 10,
      level: 'MIXED',
      summary: 'A secured cargo pickup log registers drivers and their conveyances on arrival and departure.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Register each driver picking up cargo, with conveyance details, in a cargo pickup log on arrival, and log them out on departure.',
        },
        { key: 'b', level: 'MUST', text: 'Keep the cargo pickup log secured.' },
        { key: 'c', level: 'SHOULD', text: 'Do not let drivers access the cargo pickup log.' },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '10.7',
      category: 10,
      level: 'SHOULD',
      summary:
        'Deliveries arrive by appointment, with the carrier giving advance notice of arrival time, driver and truck.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Schedule cargo arrivals by appointment, with the carrier notifying the facility in advance of the ETA, driver and truck.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '10.8',
      category: 10,
      level: 'SHOULD',
      summary: 'Incoming mail and packages are screened before they are distributed.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Screen arriving packages and mail for contraband or suspicious items before distributing them.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // Confidence M. FM: absent from the only FM-shaped source (S9, carriers/manufacturers doc §2b); kept for FM,
    // unverified.
    {
      id: '10.9',
      category: 10,
      level: 'SHOULD',
      summary: 'Deliveries from vendors and service providers are limited to a monitored area.',
      requirements: [
        { key: 'a', level: 'SHOULD', text: 'Restrict deliveries to a designated area that is monitored.' },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'M',
      verified: false,
    },
    {
      id: '10.10',
      category: 10,
      level: 'MUST',
      summary: 'Security guards follow written post orders, and management audits that they do.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Give security guards written work instructions and have management audit compliance with them periodically.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 11. Personnel Security ──
    {
      id: '11.1',
      category: 11,
      level: 'MUST',
      summary: 'Written hiring procedures screen job candidates and verify what they put on their applications.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Keep written screening procedures for prospective employees and verify the information given on applications.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '11.2',
      category: 11,
      level: 'SHOULD',
      summary:
        'Background checks (identity, criminal record) are done for staff and, where possible, contractors, and repeated periodically.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Run background checks (identity and criminal record) on employees and contractors as the law allows, and repeat them periodically or for cause.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // Added for all entities in the Nov 2019 final (CSMS #41052241).
    {
      id: '11.5',
      category: 11,
      level: 'MUST',
      summary: 'An employee code of conduct sets expected behaviour, and every employee acknowledges it.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: "Have a code of conduct describing expected behaviour and penalties, and obtain each employee's acknowledgement of it.",
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // ── 12. Education, Training & Awareness ──
    {
      id: '12.1',
      category: 12,
      level: 'MUST',
      summary:
        'A security-awareness training program covers new hires and role-specific topics, and training records are kept.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Run a security and threat awareness training program for new hires and existing staff, tailored to roles, and keep training records.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '12.2',
      category: 12,
      level: 'MUST',
      summary:
        'Staff who inspect conveyances and IIT are trained to find hidden compartments and pests, with periodic refreshers.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Train staff who inspect conveyances and IIT to detect hidden compartments, tampering and pests, and refresh the training periodically.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '12.4',
      category: 12,
      level: 'SHOULD',
      summary: 'The company checks that its training met its objectives, for example with tests or quizzes.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Verify that training achieved its objectives, for example through tests, quizzes or drills.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    // FM: absent from the only FM-shaped source (S9, carriers/manufacturers doc §2b); kept for FM, unverified.
    {
      id: '12.6',
      category: 12,
      level: 'SHOULD',
      summary: 'Relevant staff receive yearly training on trade-based money laundering and terrorism financing.',
      requirements: [
        {
          key: 'a',
          level: 'SHOULD',
          text: 'Train relevant staff at least annually on trade-based money laundering and terrorism-financing red flags.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    // FM: absent from the only FM-shaped source (S9, carriers/manufacturers doc §2b); kept for FM, unverified. Ag
    // criteria 5.7/7.2/8.1 are present there, so probably an omission.
    {
      id: '12.7',
      category: 12,
      level: 'MUST',
      summary: 'Relevant staff are trained to prevent pest contamination and on the ISPM 15 rules for wood packaging.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Train relevant staff on preventing visible pest contamination, ISPM 15 wood-packaging rules and recognising infested wood.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: false,
    },
    {
      id: '12.8',
      category: 12,
      level: 'MUST',
      summary: 'Staff are trained on cybersecurity, including protecting their passwords.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: "Train staff on the company's cybersecurity policies, including how to protect passwords and computer access.",
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '12.9',
      category: 12,
      level: 'MUST',
      summary: 'People who operate and manage security technology are trained to use it.',
      requirements: [
        { key: 'a', level: 'MUST', text: 'Train the people who operate and manage security technology systems.' },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
    {
      id: '12.10',
      category: 12,
      level: 'MUST',
      summary: 'Staff are trained to recognise and report security incidents and suspicious activity.',
      requirements: [
        {
          key: 'a',
          level: 'MUST',
          text: 'Train staff on the procedures for reporting security incidents and suspicious activity.',
        },
      ],
      appliesTo: ['IMP', 'HC', 'FM'],
      scope: 'CORE',
      confidence: 'H',
      verified: true,
    },
  ],
} satisfies z.input<typeof CatalogEditionSchema>;
