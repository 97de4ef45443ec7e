/** Messages of the commands (placeholder, filled below). */
export {};
