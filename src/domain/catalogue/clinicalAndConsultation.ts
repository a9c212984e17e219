/**
 * Starter catalogue: principal clinical systems, and online / video consultation and messaging.
 * Facts and sources as gathered in the project's research (anchors, section 5); see CatalogueItem.
 */
import { GP_IT_OPERATING_MODEL_APPENDIX_H, type CatalogueItem } from './catalogueItem';

const PATIENT_HEALTH = ['patient-identifiable', 'special-category'] as const;

const CLINICAL_SYSTEM_SOURCE =
  `${GP_IT_OPERATING_MODEL_APPENDIX_H} (clinical systems are core and mandated). ` +
  'Market shares in 2016: Kontopantelis et al., BJGP / PubMed Central PMC5855245.';

const OC_FRAMEWORK_SOURCE =
  'Bought through NHS England\'s Digital Care Services catalogue online and video consultation framework ' +
  '(england.nhs.uk, digital primary care commercial procurement hub); online consultation must be available ' +
  'throughout core hours from 1 October 2025 (as summarised by Leicester, Leicestershire and Rutland LMC). ' +
  'Funding is ICB-commissioned in some areas and practice-funded in others.';

export const CLINICAL_AND_CONSULTATION: readonly CatalogueItem[] = [
  {
    key: 'emis-web',
    title: 'EMIS Web',
    category: 'clinical-system',
    supplier: 'Optum (formerly EMIS Health)',
    typicalProvision: 'icb-core',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'critical',
    purpose: 'Principal clinical system: the patient record, appointments, consultations, prescribing and results.',
    source: `${CLINICAL_SYSTEM_SOURCE} EMIS Health rebranded as Optum on 17 March 2025; the product keeps the EMIS Web name (secondary sources).`,
  },
  {
    key: 'systmone',
    title: 'SystmOne',
    category: 'clinical-system',
    supplier: 'TPP',
    typicalProvision: 'icb-core',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'critical',
    purpose: 'Principal clinical system: the patient record, appointments, consultations, prescribing and results.',
    source: CLINICAL_SYSTEM_SOURCE,
  },
  {
    key: 'vision',
    title: 'Vision',
    category: 'clinical-system',
    supplier: 'In Practice Systems (INPS), Cegedim group',
    typicalProvision: 'icb-core',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'critical',
    purpose: 'Principal clinical system: the patient record, appointments, consultations, prescribing and results.',
    source: CLINICAL_SYSTEM_SOURCE,
    caution: 'Trade press reported that In Practice Systems entered administration. Confirm current support arrangements with your ICB.',
  },
  {
    key: 'medicus',
    title: 'Medicus',
    category: 'clinical-system',
    supplier: 'Medicus Health',
    typicalProvision: 'icb-core',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'critical',
    purpose: 'Principal clinical system (cloud-based): the patient record, appointments, consultations and prescribing.',
    source: `${CLINICAL_SYSTEM_SOURCE} First new supplier fully assured on NHS England's Tech Innovation Framework, June 2025 (PublicTechnology, 27 June 2025).`,
  },
  {
    key: 'accurx',
    title: 'Accurx (messaging, video consultation and Patient Triage)',
    category: 'online-consultation',
    supplier: 'Accurx',
    typicalProvision: 'icb-core',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'high',
    purpose: 'Text and NHS App messages to patients, video consultations, and online consultation requests (Patient Triage).',
    source: `${GP_IT_OPERATING_MODEL_APPENDIX_H} (electronic messaging, for example SMS, is a GP IT enabling service). ${OC_FRAMEWORK_SOURCE}`,
    caution: 'Some practices buy Patient Triage themselves while the ICB funds messaging: record each part the way it is funded.',
  },
  {
    key: 'klinik',
    title: 'Klinik',
    category: 'online-consultation',
    supplier: 'Klinik Healthcare Solutions',
    typicalProvision: 'practice-owned',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'high',
    purpose: 'Online consultation and triage: patients submit medical and admin requests that the practice triages.',
    source: OC_FRAMEWORK_SOURCE,
  },
  {
    key: 'patchs',
    title: 'Patchs',
    category: 'online-consultation',
    supplier: 'Patchs Health',
    typicalProvision: 'practice-owned',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'high',
    purpose: 'Online consultation, triage and patient messaging (including NHS App messages).',
    source: `${OC_FRAMEWORK_SOURCE} NHS App messaging through Patchs: Patchs help centre.`,
  },
  {
    key: 'econsult',
    title: 'eConsult',
    category: 'online-consultation',
    supplier: 'eConsult Health',
    typicalProvision: 'practice-owned',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'high',
    purpose: 'Online consultation: patients describe symptoms or admin requests through the practice website.',
    source: `${OC_FRAMEWORK_SOURCE} Example of ICB-level funding: Oxfordshire CCG funded eConsult.`,
  },
  {
    key: 'doctorlink',
    title: 'Doctorlink',
    category: 'online-consultation',
    supplier: 'Doctorlink',
    typicalProvision: 'practice-owned',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'high',
    purpose: 'Online consultation and symptom assessment that directs patients to the right service.',
    source: `${OC_FRAMEWORK_SOURCE} Example of ICB-level procurement: Mid and South Essex procured Doctorlink.`,
  },
  {
    key: 'other-online-consultation',
    title: 'Other online or video consultation tool',
    category: 'online-consultation',
    supplier: 'Various',
    typicalProvision: 'practice-owned',
    dataTypes: PATIENT_HEALTH,
    clinicalSafetyApplies: true,
    criticality: 'high',
    purpose: 'Any other online consultation, video consultation or patient messaging tool the practice uses.',
    source: OC_FRAMEWORK_SOURCE,
    caution: 'Rename this entry to the product you use and confirm the supplier is still trading and on the framework.',
  },
];
