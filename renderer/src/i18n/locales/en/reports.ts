/** English text of the reports screens (filled as their text moves out of the components). */
export const reports = {};
