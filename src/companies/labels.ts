import type { MessageKey } from '../platform/web/messages';
import type { CompanySize, CompanyStatus, Industry } from './tables';

/** The words for each industry (written out so the catalogue check sees every key in use). */
export const INDUSTRY_LABELS: Record<Industry, MessageKey> = {
  internet: 'company.industry.internet',
  manufacturing: 'company.industry.manufacturing',
  finance: 'company.industry.finance',
  education: 'company.industry.education',
  healthcare: 'company.industry.healthcare',
  retail: 'company.industry.retail',
  logistics: 'company.industry.logistics',
  construction: 'company.industry.construction',
  hospitality: 'company.industry.hospitality',
  'professional-services': 'company.industry.professional-services',
};

/** Head-count bands as Chinese job sites write them (少于50人, 50-149人 …). */
export const SIZE_LABELS: Record<CompanySize, MessageKey> = {
  '1-49': 'company.size.1-49',
  '50-149': 'company.size.50-149',
  '150-499': 'company.size.150-499',
  '500-999': 'company.size.500-999',
  '1000+': 'company.size.1000+',
};

export const STATUS_LABELS: Record<CompanyStatus, MessageKey> = {
  pending: 'company.status.pending',
  verified: 'company.status.verified',
  refused: 'company.status.refused',
};
