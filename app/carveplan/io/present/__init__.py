"""What is shown to people: chart images, the PDF and PowerPoint decks, the calendar of deadlines."""
