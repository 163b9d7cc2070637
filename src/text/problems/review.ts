export interface ReviewProblems {}
