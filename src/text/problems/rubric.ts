export interface RubricProblems {}
