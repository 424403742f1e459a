import type * as en from '../en/domain';
import type { Translation } from '../translation';

export const domain: Translation<typeof en.domain> = {
  entityType: {
    IMP: 'Importador de EE. UU.',
    EXP: 'Exportador de EE. UU.',
    FM: 'Fabricante extranjero',
    HC: 'Transportista de carretera de EE. UU.',
    LHC: 'Transportista de carretera mexicano de largo recorrido',
    AIR: 'Transportista aéreo',
    RAIL: 'Transportista ferroviario',
    SEA: 'Transportista marítimo',
    '3PL': 'Proveedor de servicios logísticos (3PL)',
    CONS: 'Consolidador',
    CB: 'Agente aduanal autorizado de EE. UU.',
    MPTO: 'Autoridad portuaria y operador de terminal marítima',
  },
  mode: { IN_PERSON: 'Presencial', VIRTUAL: 'Virtual' },
  status: { DRAFT: 'Sin iniciar', IN_PROGRESS: 'En curso', SUBMITTED: 'Enviada' },
  workflowState: {
    IN_PROGRESS: 'En curso',
    SUBMITTED: 'Enviada',
    IN_REVIEW: 'En revisión',
    RETURNED: 'Devuelta para corrección',
    APPROVED: 'Aprobada',
    AWAITING_RESPONSE: 'Informe emitido, en espera de la respuesta del Socio',
    CLOSED: 'Cerrada',
  },
};
