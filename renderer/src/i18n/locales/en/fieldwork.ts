/** English text of the fieldwork screens (filled as their text moves out of the components). */
export const fieldwork = {};
