// Messages from the main process, the shared rules and HQ: their English is the text they carry as a fallback.
export { messages } from '../../../../../shared/messages/en';
