import type * as en from '../en/shell';
import type { Translation } from '../translation';

export const app: Translation<typeof en.app> = {
  skipToMain: 'Ir al contenido principal',
  name: 'CTPAT Validator',
  home: 'Inicio de CTPAT Validator',
  noValue: 'sin dato',
  clockWrong: {
    heading: 'El reloj de esta computadora parece incorrecto',
    behindSaved:
      'Indica {{now}}, antes que el trabajo más reciente guardado aquí ({{newest}}). Ajuste la fecha y la hora en la configuración de la computadora: lo que guarde queda fechado con este reloj en el registro de auditoría, en los informes y en la sede central.',
    aheadOfHq:
      'Indica {{now}}, {{difference}} por delante del reloj de la sede central en la última sincronización. Ajuste la fecha, la hora y la zona horaria en la configuración de la computadora: lo que guarde queda fechado con este reloj en el registro de auditoría, en los informes y en la sede central.',
    behindHq:
      'Indica {{now}}, {{difference}} por detrás del reloj de la sede central en la última sincronización. Ajuste la fecha, la hora y la zona horaria en la configuración de la computadora: lo que guarde queda fechado con este reloj en el registro de auditoría, en los informes y en la sede central.',
  },
};

export const nav: Translation<typeof en.nav> = {
  label: 'Principal',
  members: 'Socios',
  newValidation: 'Iniciar una validación',
  workPlan: 'Plan de trabajo',
  reviews: 'Revisiones',
  reviewsAndApprovals: 'Revisiones y aprobaciones',
  responses: 'Respuestas de Socios',
  reports: 'Informes',
  dashboard: 'Panel',
  settings: 'Configuración',
};

export const sync: Translation<typeof en.sync> = {
  notConnected: 'Sin conexión con la sede central',
  enrolmentUnreadable: 'Esta computadora no puede leer su inscripción en la sede central: inscríbala en Configuración',
  syncing: 'Sincronizando…',
  failed: 'La sincronización falló: {{error}}',
  needsEnrolment: 'La sede central ya no acepta esta computadora: vuelva a inscribirla en Configuración',
  handBackWaiting:
    'La sede central aún debe deshacer su inscripción de {{name}} aquí; esta computadora lo pide de nuevo en cada sincronización y después envía su trabajo',
  refused_one: '{{count}} cambio requiere atención',
  refused_many: '{{count}} cambios requieren atención',
  refused_other: '{{count}} cambios requieren atención',
  pending_one: '{{count}} cambio por enviar',
  pending_many: '{{count}} cambios por enviar',
  pending_other: '{{count}} cambios por enviar',
  lastFailed: 'La última sincronización falló: {{error}}',
  syncedAt: 'Sincronizado a las {{time}}',
  nothingToSend: 'Nada por enviar',
  review: 'Revisar',
  sync: 'Sincronizar',
  phase: {
    push: 'Enviando cambios',
    evidence: 'Subiendo evidencia',
    receipts: 'Comprobando lo que tiene la sede central',
    pull: 'Recibiendo de la sede central',
  },
  evidenceProgress: '{{percent}} % de la evidencia subida',
  progress: '{{done}} de {{total}} listos',
  tag: {
    syncedAt: 'Sincronizada el {{when}}',
    needsAttentionBecause: 'Requiere atención: {{reason}}',
    state: {
      'not-synced': 'Sin sincronizar',
      syncing: 'Sincronizando',
      synced: 'Sincronizada',
      'needs-attention': 'Requiere atención',
    },
    safeToArchive: 'Se puede archivar',
    safeToArchiveTitle:
      'La sede central confirmó la misma huella digital y todos los archivos de evidencia el {{when}}',
  },
};
