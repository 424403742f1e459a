import { z } from 'zod';

/** The twelve CTPAT entity types that each have their own MSC document (2019–2020). */
export const ENTITY_TYPES = [
  'IMP',
  'EXP',
  'FM',
  'HC',
  'LHC',
  'AIR',
  'RAIL',
  'SEA',
  '3PL',
  'CONS',
  'CB',
  'MPTO',
] as const;

export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  IMP: 'U.S. Importer',
  EXP: 'U.S. Exporter',
  FM: 'Foreign Manufacturer',
  HC: 'U.S. Highway Carrier',
  LHC: 'Mexican Long-Haul Highway Carrier',
  AIR: 'Air Carrier',
  RAIL: 'Rail Carrier',
  SEA: 'Sea Carrier',
  '3PL': 'Third-Party Logistics Provider',
  CONS: 'Consolidator',
  CB: 'Licensed U.S. Customs Broker',
  MPTO: 'Marine Port Authority & Terminal Operator',
};
