/** Discord's limits on what a message, embed or interaction answer may hold (API v10). */
export const discordLimits = {
  messageContent: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedTotal: 6000,
  fields: 25,
  fieldValue: 1024,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
