export interface FileProblems {}
