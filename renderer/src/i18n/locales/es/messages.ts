import type { messages as en } from '../en/messages';
import type { Translation } from '../translation';

/** Messages from the main process, the shared rules and HQ, in Spanish; keys and {{placeholders}} as in English. */
export const messages: Translation<typeof en> = {
  completeness: {
    noSites: 'No hay instalaciones registradas para esta validación.',
    unanswered: '{{id}} no tiene resultado.',
    deficientWithoutFinding: '{{id}} es Deficiente, pero no tiene hallazgo.',
    findingWithoutReason: 'El hallazgo de {{id}} no tiene motivo de deficiencia.',
    findingWithoutDueDate: 'El hallazgo de {{id}} no tiene fecha límite de respuesta.',
    dueBeforeReport: '{{id}}: {{refusal, messages}}',
    recommendationSaysNothing: 'La Recomendación de {{id}} está vacía: describa qué podría mejorar el Socio.',
    findingWithoutDescription: 'El hallazgo de {{id}} no tiene descripción.',
    mustNotApplicableWithoutJustification: '{{id}} es un criterio de nivel Debe marcado No aplica sin justificación.',
    noVerificationMethod: '{{id}} no indica cómo se verificó.',
    virtualCompliantWithoutEvidence: '{{id}} está marcado Cumple en una validación virtual sin evidencia adjunta.',
    actionRequiredNotDeficient:
      '{{id}} tiene un hallazgo de Acción requerida, pero no está marcado Deficiente: márquelo Deficiente, convierta el hallazgo en Recomendación o elimínelo.',
    findingNotDeficient:
      '{{id}} tiene un hallazgo, pero no está marcado Deficiente: elimine el hallazgo o cambie el resultado.',
    actionRequiredOnShould:
      '{{id}} es un criterio de nivel Debería: si no está implementado, corresponde una Recomendación, no Acción requerida. Convierta el hallazgo en Recomendación.',
    recommendationOnResult:
      '{{id}} tiene una Recomendación, pero está marcado {{result, result}}: una Recomendación corresponde a un criterio que Cumple o a un criterio de nivel Debería marcado Deficiente. Elimínela o cambie el resultado.',
    recommendationOnDeficientMust:
      '{{id}} es un criterio de nivel Debe marcado Deficiente: su hallazgo es de Acción requerida (una Recomendación es un consejo que el Socio no está obligado a responder).',
    checklistMissing: '{{id}} está marcado Cumple, pero no se registró ninguna {{kinds, checklistsOr}}.',
    checklistUnrecorded:
      '{{id}}: la {{checklist, checklist}}{{label, quoted}} tiene {{missing}} de {{total}} puntos sin registrar ({{items}}).',
    checklistFailed_one:
      '{{id}} está marcado Cumple, pero su {{checklist, checklist}}{{label, quoted}} no aprobó un punto ({{items}}). Cambie el resultado a Deficiente o escriba en la nota del punto con falla por qué {{id}} sigue cumpliendo.',
    checklistFailed_many:
      '{{id}} está marcado Cumple, pero su {{checklist, checklist}}{{label, quoted}} no aprobó {{count}} puntos ({{items}}). Cambie el resultado a Deficiente o escriba en la nota de los puntos con falla por qué {{id}} sigue cumpliendo.',
    checklistFailed_other:
      '{{id}} está marcado Cumple, pero su {{checklist, checklist}}{{label, quoted}} no aprobó {{count}} puntos ({{items}}). Cambie el resultado a Deficiente o escriba en la nota de los puntos con falla por qué {{id}} sigue cumpliendo.',
    noSession:
      'No hay ninguna sesión virtual registrada: registre la plataforma, el inicio y el fin, y los participantes.',
    theSession: 'La sesión',
    numberedSession: 'La sesión {{n}} ({{platform}})',
    numberedSessionNoPlatform: 'La sesión {{n}} (sin plataforma)',
    sessionMissing: {
      platform: '{{session, messages}} no tiene plataforma registrada.',
      start: '{{session, messages}} no tiene inicio registrado.',
      end: '{{session, messages}} no tiene fin registrado.',
      platformStart: '{{session, messages}} no tiene plataforma ni inicio registrados.',
      platformEnd: '{{session, messages}} no tiene plataforma ni fin registrados.',
      startEnd: '{{session, messages}} no tiene inicio ni fin registrados.',
      platformStartEnd: '{{session, messages}} no tiene plataforma, inicio ni fin registrados.',
    },
    noParticipants: 'No hay participantes registrados en el registro de la sesión virtual.',
  },
  dueDate: {
    beforeReport:
      'La fecha límite de respuesta, {{due, date}}, es anterior a la fecha del informe: no se le puede pedir al Socio que responda antes de que se emita el informe, que tendrá fecha del {{earliest, date}} como mínimo. Elija el {{earliest, date}} o una fecha posterior.',
  },
  words: {
    or: ' o ',
    checklistShort: {
      CONTAINER_7_POINT: 'inspección de contenedor',
      TRACTOR_TRAILER_17_POINT: 'inspección de tractor/remolque',
      SEAL_VVTT: 'revisión VVTT del sello',
    },
    checklistName: {
      CONTAINER_7_POINT: 'inspección de contenedor de 7 puntos',
      CONTAINER_8_POINT: 'inspección de contenedor de 8 puntos',
      TRACTOR_TRAILER_17_POINT: 'inspección de tractor/remolque de 17 puntos',
      SEAL_VVTT: 'revisión VVTT del sello',
    },
  },
};
